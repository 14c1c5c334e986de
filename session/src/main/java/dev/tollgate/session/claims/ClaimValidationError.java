package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of {@code claimValidationErrors}: {@code {"id": ..., "reason": {...}}}. */
public record ClaimValidationError(String id, ObjectNode reason) {}
