package dev.tollgate.localstack.core.role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user-roles recipe's tables as the core keeps them for one app and tenant: roles with their
 * permissions, and which users hold which roles. A user id is never checked against the users: the
 * core lets a role be given to any id, so an application can use its own. Every method holds this
 * store's monitor; the tables are small and the calls rare.
 */
public final class RoleStore {

    private final Map<String, Set<String>> permissionsByRole = new LinkedHashMap<>();
    private final Map<String, Set<String>> rolesByUser = new LinkedHashMap<>();

    /** Creates the role if needed and adds the permissions; true when the role is new. */
    public synchronized boolean createOrAddPermissions(String role, List<String> permissions) {
        boolean created = !permissionsByRole.containsKey(role);
        permissionsByRole.computeIfAbsent(role, r -> new LinkedHashSet<>()).addAll(permissions);
        return created;
    }

    public synchronized Optional<List<String>> permissions(String role) {
        return Optional.ofNullable(permissionsByRole.get(role)).map(List::copyOf);
    }

    /**
     * Removes the given permissions from the role, or all of them when {@code permissions} is empty
     * (the core's answer to a request without the field); false when the role does not exist.
     */
    public synchronized boolean removePermissions(String role, Optional<List<String>> permissions) {
        Set<String> current = permissionsByRole.get(role);
        if (current == null) {
            return false;
        }
        if (permissions.isPresent()) {
            permissions.get().forEach(current::remove);
        } else {
            current.clear();
        }
        return true;
    }

    /** Deletes the role and takes it from every user; true when it existed. */
    public synchronized boolean deleteRole(String role) {
        if (permissionsByRole.remove(role) == null) {
            return false;
        }
        rolesByUser.values().forEach(roles -> roles.remove(role));
        rolesByUser.values().removeIf(Set::isEmpty);
        return true;
    }

    public synchronized List<String> allRoles() {
        return List.copyOf(permissionsByRole.keySet());
    }

    public synchronized List<String> rolesWithPermission(String permission) {
        List<String> roles = new ArrayList<>();
        permissionsByRole.forEach((role, permissions) -> {
            if (permissions.contains(permission)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** Gives the user the role; answers whether the user already had it. */
    public synchronized boolean addRoleToUser(String userId, String role) throws UnknownRole {
        requireRole(role);
        return !rolesByUser.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(role);
    }

    /** Takes the role from the user; answers whether the user had it. */
    public synchronized boolean removeRoleFromUser(String userId, String role) throws UnknownRole {
        requireRole(role);
        Set<String> roles = rolesByUser.get(userId);
        boolean had = roles != null && roles.remove(role);
        if (roles != null && roles.isEmpty()) {
            rolesByUser.remove(userId);
        }
        return had;
    }

    public synchronized List<String> rolesOfUser(String userId) {
        return List.copyOf(rolesByUser.getOrDefault(userId, Set.of()));
    }

    public synchronized List<String> usersWithRole(String role) throws UnknownRole {
        requireRole(role);
        List<String> users = new ArrayList<>();
        rolesByUser.forEach((user, roles) -> {
            if (roles.contains(role)) {
                users.add(user);
            }
        });
        return users;
    }

    private void requireRole(String role) throws UnknownRole {
        if (!permissionsByRole.containsKey(role)) {
            throw new UnknownRole();
        }
    }

    /** The core's {@code UNKNOWN_ROLE_ERROR}: the role was never created or has been deleted. */
    public static final class UnknownRole extends Exception {
        public UnknownRole() {
            super("unknown role", null, false, false);
        }
    }
}
