package dev.tollgate.session.internal.token;

import java.util.Base64;

/** Strict views of a compact JWT's segments, as jose reads them before checking a signature. */
public final class JwtSegments {
    private JwtSegments() {}

    /** Whether all three segments are canonical unpadded base64url (jose rejects anything else). */
    public static boolean strictlyEncoded(String jwt) {
        int dot1 = jwt.indexOf('.');
        int dot2 = jwt.lastIndexOf('.');
        if (dot1 < 0 || dot2 == dot1) {
            return false;
        }
        return Base64Segments.isStrictUrl(jwt, 0, dot1)
                && Base64Segments.isStrictUrl(jwt, dot1 + 1, dot2)
                && Base64Segments.isStrictUrl(jwt, dot2 + 1, jwt.length());
    }

    /** The decoded signature, or null when it is not base64url. */
    public static byte[] signature(String jwt) {
        try {
            return Base64.getUrlDecoder().decode(jwt.substring(jwt.lastIndexOf('.') + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
