package dev.tollgate.appsync;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Note ids are UUID version 7 (RFC 9562): the first 48 bits are the creation time in milliseconds, so
 * the sort key orders a user's notes by age and a reverse Query lists them newest first.
 */
final class NoteIds {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private NoteIds() {}

    static String next(long epochMillis) {
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** Whether {@code id} has the form of a note id (a lower-case canonical UUID). */
    static boolean isWellFormed(String id) {
        return CANONICAL_UUID.matcher(id).matches();
    }
}
