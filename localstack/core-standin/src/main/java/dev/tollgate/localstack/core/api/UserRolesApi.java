package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.http.JsonInput;
import dev.tollgate.localstack.core.role.RoleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user-roles recipe's CDI endpoints. Role and permission names are trimmed and must not be
 * empty, as core 11.4.7 checks them; an unknown role is a 200 {@code UNKNOWN_ROLE_ERROR} where the
 * core answers so, and simply absent from lists elsewhere.
 */
final class UserRolesApi {

    private final RoleStore roles;

    UserRolesApi(RoleStore roles) {
        this.roles = roles;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.protectedApi("/recipe/role", Map.of("PUT", this::createRole)),
                Endpoint.get("/recipe/role/permissions", this::permissionsForRole),
                Endpoint.post("/recipe/role/permissions/remove", this::removePermissions),
                Endpoint.post("/recipe/role/remove", this::deleteRole),
                Endpoint.get("/recipe/roles", this::allRoles),
                Endpoint.get("/recipe/permission/roles", this::rolesWithPermission),
                Endpoint.protectedApi(
                        "/recipe/user/role",
                        Map.of("PUT", request -> userRole(request, roles::addRoleToUser, "didUserAlreadyHaveRole"))),
                Endpoint.post(
                        "/recipe/user/role/remove",
                        request -> userRole(request, roles::removeRoleFromUser, "didUserHaveRole")),
                Endpoint.get("/recipe/user/roles", this::rolesOfUser),
                Endpoint.get("/recipe/role/users", this::usersWithRole));
    }

    private CoreResponse createRole(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String role = role(input.requiredString("role"));
        List<String> permissions = permissions(input).orElse(List.of());
        boolean created = roles.createOrAddPermissions(role, permissions);
        return CoreResponse.ok(CoreReplies.status("OK").put("createdNewRole", created));
    }

    private CoreResponse permissionsForRole(CoreRequest request) throws CoreError {
        String role = role(request.requiredQueryParam("role"));
        Optional<List<String>> permissions = roles.permissions(role);
        if (permissions.isEmpty()) {
            return unknownRole();
        }
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set("permissions", array(permissions.get()));
        reply.put("status", "OK");
        return CoreResponse.ok(reply);
    }

    private CoreResponse removePermissions(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String role = role(input.requiredString("role"));
        Optional<List<String>> permissions = permissions(input);
        return roles.removePermissions(role, permissions) ? CoreResponse.ok(CoreReplies.status("OK")) : unknownRole();
    }

    private CoreResponse deleteRole(CoreRequest request) throws CoreError {
        String role = role(request.json().requiredString("role"));
        boolean existed = roles.deleteRole(role);
        return CoreResponse.ok(CoreReplies.status("OK").put("didRoleExist", existed));
    }

    private CoreResponse allRoles(CoreRequest request) {
        return listReply("roles", roles.allRoles());
    }

    private CoreResponse rolesWithPermission(CoreRequest request) throws CoreError {
        String permission = request.requiredQueryParam("permission").trim();
        if (permission.isEmpty()) {
            throw new CoreError.BadRequest("Field name 'permission' cannot be an empty String");
        }
        return listReply("roles", roles.rolesWithPermission(permission));
    }

    /** Gives a user a role or takes it away; answers whether the user had it before. */
    @FunctionalInterface
    private interface UserRoleChange {
        boolean apply(String userId, String role) throws RoleStore.UnknownRole;
    }

    private CoreResponse userRole(CoreRequest request, UserRoleChange change, String hadField) throws CoreError {
        JsonInput input = request.json();
        String userId = input.requiredString("userId");
        String role = role(input.requiredString("role"));
        try {
            boolean had = change.apply(userId, role);
            return CoreResponse.ok(CoreReplies.status("OK").put(hadField, had));
        } catch (RoleStore.UnknownRole e) {
            return unknownRole();
        }
    }

    private CoreResponse rolesOfUser(CoreRequest request) throws CoreError {
        return listReply("roles", roles.rolesOfUser(request.requiredQueryParam("userId")));
    }

    private CoreResponse usersWithRole(CoreRequest request) throws CoreError {
        String role = role(request.requiredQueryParam("role"));
        try {
            return listReply("users", roles.usersWithRole(role));
        } catch (RoleStore.UnknownRole e) {
            return unknownRole();
        }
    }

    private static String role(String raw) throws CoreError.BadRequest {
        String role = raw.trim();
        if (role.isEmpty()) {
            throw new CoreError.BadRequest("Field name 'role' cannot be an empty String");
        }
        return role;
    }

    /** The optional {@code permissions} array: strings, each trimmed and not empty. */
    private static Optional<List<String>> permissions(JsonInput input) throws CoreError.BadRequest {
        Optional<ArrayNode> array = input.optionalArray("permissions");
        if (array.isEmpty()) {
            return Optional.empty();
        }
        List<String> permissions = new ArrayList<>();
        for (JsonNode element : array.get()) {
            if (!element.isTextual()) {
                throw JsonInput.invalid("permissions");
            }
            String permission = element.textValue().trim();
            if (permission.isEmpty()) {
                throw new CoreError.BadRequest("Field name 'permissions' cannot contain an empty string");
            }
            permissions.add(permission);
        }
        return Optional.of(permissions);
    }

    private static CoreResponse unknownRole() {
        return CoreResponse.ok(CoreReplies.status("UNKNOWN_ROLE_ERROR"));
    }

    private static CoreResponse listReply(String field, List<String> values) {
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set(field, array(values));
        reply.put("status", "OK");
        return CoreResponse.ok(reply);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = CoreReplies.NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
