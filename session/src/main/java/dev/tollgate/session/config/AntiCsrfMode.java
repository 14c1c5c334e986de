package dev.tollgate.session.config;

/**
 * How cookie-borne sessions are protected against cross-site request forgery (docs/supertokens.md#anti-csrf).
 * Only applies when the access token came from the {@code sAccessToken} cookie.
 */
public enum AntiCsrfMode {
    /** No check. Node's default when the effective SameSite is not {@code none}. */
    NONE,
    /** Non-GET cookie requests must carry a {@code rid} header (any value). Node's default for SameSite=None. */
    VIA_CUSTOM_HEADER,
    /** Non-GET cookie requests must carry an {@code anti-csrf} header equal to the token's {@code antiCsrfToken}. */
    VIA_TOKEN
}
