package dev.tollgate.session.core;

import java.util.List;

/**
 * One login method of a user ({@code loginMethods[]} in the core's user object).
 *
 * @param email the email, or {@code null} for methods without one
 * @param phoneNumber the phone number, or {@code null}
 */
public record LoginMethod(
        String recipeId,
        String recipeUserId,
        List<String> tenantIds,
        String email,
        String phoneNumber,
        boolean verified,
        long timeJoined) {}
