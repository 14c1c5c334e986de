package dev.tollgate.e2e;

import java.util.UUID;

/** Fresh credentials per test, so tests never depend on each other's users. */
public record Users(String email, String password) {

    public static Users fresh(String label) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new Users(label + "-" + id + "@example.com", "Passw0rd-" + id);
    }
}
