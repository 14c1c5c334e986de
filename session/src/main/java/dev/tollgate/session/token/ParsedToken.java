package dev.tollgate.session.token;

/**
 * A string that parses as a SuperTokens access token (docs/supertokens.md#token-encoding, #token-payload): either a v3+ JWT
 * ({@link AccessToken}) or a legacy v1/v2 token ({@link LegacyAccessToken}).
 * Anything else is "not a SuperTokens token" and counts as absent.
 */
public sealed interface ParsedToken permits AccessToken, LegacyAccessToken {
    /** The token exactly as received. Never log it. */
    String raw();

    /** The access-token version: 2 for legacy tokens (v1 and v2 are treated alike), else 3 or more. */
    int version();
}
