package dev.tollgate.localstack.core.user;

import dev.tollgate.localstack.core.crypto.PasswordHasher;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Email-password users in memory. Emails are unique after normalisation; an unknown email and a
 * wrong password fail the same way and take the same time.
 */
public final class UserStore {

    private final ConcurrentMap<String, StoredUser> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, StoredUser> byEmail = new ConcurrentHashMap<>();
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserStore(PasswordHasher hasher, Clock clock) {
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The new user, or empty if the email is taken. */
    public Optional<StoredUser> signUp(String email, String password) {
        String normalised = Emails.normalise(email);
        if (byEmail.containsKey(normalised)) {
            return Optional.empty();
        }
        StoredUser user =
                new StoredUser(UUID.randomUUID().toString(), normalised, clock.millis(), hasher.hash(password));
        if (byEmail.putIfAbsent(normalised, user) != null) {
            return Optional.empty();
        }
        byId.put(user.id(), user);
        return Optional.of(user);
    }

    public Optional<StoredUser> signIn(String email, String password) {
        StoredUser user = byEmail.get(Emails.normalise(email));
        if (user == null) {
            hasher.burnTime(password);
            return Optional.empty();
        }
        return hasher.matches(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
    }

    /** What {@link #update} did. */
    public enum Update {
        OK,
        UNKNOWN_USER,
        EMAIL_TAKEN
    }

    /**
     * Changes a user's email and / or password ({@code null} keeps it). A new email must be free; the old
     * one is released.
     */
    public synchronized Update update(String id, String email, String password) {
        StoredUser user = byId.get(id);
        if (user == null) {
            return Update.UNKNOWN_USER;
        }
        String newEmail = email == null ? user.email() : Emails.normalise(email);
        if (!newEmail.equals(user.email()) && byEmail.containsKey(newEmail)) {
            return Update.EMAIL_TAKEN;
        }
        StoredUser updated = new StoredUser(
                user.id(), newEmail, user.timeJoined(), password == null ? user.passwordHash() : hasher.hash(password));
        byEmail.remove(user.email());
        byEmail.put(newEmail, updated);
        byId.put(id, updated);
        return Update.OK;
    }

    public Optional<StoredUser> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<StoredUser> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(Emails.normalise(email)));
    }
}
