package dev.tollgate.session.http;

/**
 * Reads the token of an {@code Authorization: Bearer} header, the header-mode transfer of both the
 * access token (API calls) and the refresh token (the refresh call). Node takes the value only with the
 * exact prefix {@code Bearer } (capital B, one space) and trims the rest (docs/supertokens.md#verification); anything
 * else, a lower-case {@code bearer} included, is no header token at all.
 */
public final class BearerToken {
    /** The header the token travels in (lower-cased, as {@link Headers} looks names up). */
    public static final String HEADER = "authorization";

    private static final String PREFIX = "Bearer ";

    private BearerToken() {}

    /**
     * The token of the first {@code Authorization} header, or {@code null} when there is none, it is
     * not a Bearer value, or nothing but whitespace follows the prefix.
     */
    public static String from(Headers headers) {
        String value = headers.first(HEADER);
        if (value == null || !value.startsWith(PREFIX)) {
            return null;
        }
        // strip(), not trim(): JavaScript's trim() removes Unicode spaces, not control characters.
        String token = value.substring(PREFIX.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
