package dev.tollgate.session.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.payload.PayloadChange;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The UserRoles recipe's two claims (docs/supertokens.md#claims): {@code st-role} (the user's roles) and
 * {@code st-perm} (the permissions of all those roles, each once, in the order first met), fetched from the
 * core the way node's {@code UserRoleClaim} and {@code PermissionClaim} fetch them. Thread-safe.
 */
public final class UserRoleClaims {

    private final CoreClient core;
    private final Clock clock;

    public UserRoleClaims(CoreClient core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    /** The user's current roles and permissions, read from the core. */
    public RoleValues fetch(String tenantId, String userId) throws CoreException {
        List<String> roles = core.rolesForUser(tenantId, userId);
        Set<String> permissions = new LinkedHashSet<>();
        for (String role : roles) {
            // a role deleted between the two calls has no permissions any more (node skips it too)
            Optional<List<String>> ofRole = core.permissionsForRole(role);
            ofRole.ifPresent(permissions::addAll);
        }
        return new RoleValues(List.copyOf(roles), List.copyOf(permissions));
    }

    /**
     * Node's {@code fetchAndSetClaim(sessionHandle, claim)} for both claims on every live session of the
     * user: the values are written into the session's stored claims with {@code PUT /recipe/jwt/data}, so
     * the session's next access token (the next refresh, or the next claim update) carries them. The user
     * does not sign in again.
     *
     * @return how many sessions were updated (sessions that ended meanwhile are skipped)
     */
    public int refreshSessionsOf(String tenantId, String userId) throws CoreException {
        RoleValues values = fetch(tenantId, userId);
        int updated = 0;
        for (String handle : core.sessionHandlesForUser(userId)) {
            Optional<ObjectNode> payload = core.accessTokenPayload(handle);
            if (payload.isEmpty()) {
                continue;
            }
            ObjectNode changed = payload.get().deepCopy();
            values.change().applyTo(changed, clock.millis());
            if (core.updateAccessTokenPayload(handle, changed)) {
                updated++;
            }
        }
        return updated;
    }

    /**
     * A user's roles and permissions at one moment.
     *
     * @param roles the {@code st-role} value
     * @param permissions the {@code st-perm} value
     */
    public record RoleValues(List<String> roles, List<String> permissions) {

        /** The edit that writes both claims with the update's time as their {@code t}. */
        public PayloadChange change() {
            return (payload, now) -> {
                Claims.ROLES.putInto(payload, roles, now);
                Claims.PERMISSIONS.putInto(payload, permissions, now);
            };
        }
    }
}
