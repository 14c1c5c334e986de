package dev.tollgate.localstack.core.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code session} object of the core's answers. {@code userDataInJWT} is never mutated. */
public record IssuedSession(
        String handle, String userId, String recipeUserId, ObjectNode userDataInJWT, String tenantId) {}
