package dev.tollgate.localstack.core.user;

import java.util.Locale;

/** The core's {@code normaliseEmail}: trimmed and lower-cased. */
public final class Emails {

    private Emails() {}

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
