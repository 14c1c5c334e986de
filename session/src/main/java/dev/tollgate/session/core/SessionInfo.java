package dev.tollgate.session.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The core's {@code session} object: {@code {handle, userId, recipeUserId, userDataInJWT, tenantId}}.
 *
 * @param userDataInJWT custom claims (the payload minus the core's protected props); empty if absent
 * @param tenantId tenant, {@code "public"} if the core omitted it
 */
public record SessionInfo(
        String handle, String userId, String recipeUserId, ObjectNode userDataInJWT, String tenantId) {}
