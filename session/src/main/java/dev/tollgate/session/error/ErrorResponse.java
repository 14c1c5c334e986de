package dev.tollgate.session.error;

/**
 * The HTTP answer for a {@link SessionError}.
 *
 * @param status HTTP status
 * @param body JSON body
 * @param clearTokens whether the adapter must also clear the session's tokens (docs/supertokens.md#clearing-tokens)
 */
public record ErrorResponse(int status, String body, boolean clearTokens) {}
