package dev.tollgate.session.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The core's user object (docs/supertokens.md#cdi-calls {@code <AuthRecipeUser>}).
 *
 * @param json the user object exactly as the core sent it (for passing through to FDI answers)
 */
public record CoreUser(
        String id,
        boolean isPrimaryUser,
        List<String> tenantIds,
        long timeJoined,
        List<String> emails,
        List<String> phoneNumbers,
        List<LoginMethod> loginMethods,
        ObjectNode json) {}
