package dev.tollgate.session.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An edit of a session's custom access-token claims, e.g.
 * {@code (payload, now) -> Claims.EMAIL_VERIFIED.putInto(payload, true, now)}. Removing a key removes
 * the claim (node merges {@code {key: null}} for that).
 */
@FunctionalInterface
public interface PayloadChange {

    /**
     * @param payload a private copy of the custom claims, free to edit
     * @param nowMillis the time of the update, for a claim's fetch time {@code t}
     */
    void applyTo(ObjectNode payload, long nowMillis);
}
