package dev.tollgate.session.internal.token;

import java.util.Arrays;

/**
 * The two base64 readings a SuperTokens JWT goes through.
 *
 * <p>Node's structural parse uses {@code Buffer.from(s, "base64")}, which accepts both alphabets,
 * stops at {@code =} and skips characters that are not base64 ({@link #decodeLenientInto}). The signature
 * check (jose) then insists on strict, unpadded base64url for all three segments ({@link #isStrictUrl}).
 */
public final class Base64Segments {
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 26; i++) {
            VALUES['A' + i] = (byte) i;
            VALUES['a' + i] = (byte) (26 + i);
        }
        for (int i = 0; i < 10; i++) {
            VALUES['0' + i] = (byte) (52 + i);
        }
        VALUES['+'] = 62;
        VALUES['-'] = 62;
        VALUES['/'] = 63;
        VALUES['_'] = 63;
    }

    private Base64Segments() {}

    /** Decodes into {@code out} (at least {@code (to-from)*3/4+3} long); returns the number of bytes. */
    public static int decodeLenientInto(String s, int from, int to, byte[] out) {
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                break;
            }
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return n;
    }

    /** Whether {@code s[from,to)} is canonical-length unpadded base64url. */
    public static boolean isStrictUrl(String s, int from, int to) {
        if ((to - from) % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
