package dev.tollgate.localstack.core.user;

/** An email-password user of the public tenant. The hash never leaves the user package. */
public record StoredUser(String id, String email, long timeJoined, String passwordHash) {

    @Override
    public String toString() {
        return "StoredUser[id=" + id + "]";
    }
}
