package dev.tollgate.localstack.devconsole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.localstack.http.PathHandler;
import dev.tollgate.localstack.http.RequestBodies;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.roles.UserRoleClaims;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local cloud's development console: {@code POST /admins} {@code {"userId": "..."}} makes a user an
 * admin. It creates the {@value #ADMIN_ROLE} role (with {@value #ADMIN_PERMISSION}) in the core if needed,
 * gives it to the user, and writes the new {@code st-role} / {@code st-perm} values into every live session
 * of the user (node's {@code fetchAndSetClaim} by session handle), so the session's next access token
 * carries the role without a new sign-in. Development only: it is part of the local cloud, never of the
 * deployed stack (a deployment grants roles with the core's user-roles API).
 *
 * <p>Listens on 127.0.0.1 only. Only the demo site's origin may call it from a browser: the request must
 * be JSON, which makes browsers ask a CORS preflight first, and only that origin passes it.
 */
public final class DevConsole implements AutoCloseable {

    /** The role the demo's admin route requires (REQUIRED_CLAIMS in StackFunctions). */
    public static final String ADMIN_ROLE = "admin";
    /** The permission the admin role carries, so that {@code st-perm} shows something too. */
    public static final String ADMIN_PERMISSION = "notes:count-all";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 4096;
    private static final int MAX_USER_ID_LENGTH = 256;

    private final CoreClient core;
    private final UserRoleClaims roleClaims;
    private final String allowedOrigin;

    private LoopbackServer server;

    private DevConsole(CoreClient core, String allowedOrigin) {
        this.core = core;
        this.roleClaims = new UserRoleClaims(core, Clock.systemUTC());
        this.allowedOrigin = allowedOrigin;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = ephemeral).
     *
     * @param core a client of the core the functions use (stand-in or real)
     * @param webOrigin the demo site's origin, the only one allowed to call from a browser
     */
    public static DevConsole start(int port, CoreClient core, URI webOrigin) {
        DevConsole console = new DevConsole(core, webOrigin.getScheme() + "://" + webOrigin.getAuthority());
        console.server = LoopbackServer.start("dev console", port, 2, PathHandler.closing(console::route));
        return console;
    }

    /** {@code http://localhost:<port>}. */
    public URI uri() {
        return server.localhostOrigin();
    }

    /**
     * Makes the user an admin and updates the claims of the user's live sessions.
     *
     * @return whether the user had the role already, and how many sessions were updated
     */
    public Grant makeAdmin(String userId) throws CoreException {
        core.createRoleOrAddPermissions(ADMIN_ROLE, List.of(ADMIN_PERMISSION));
        Optional<Boolean> alreadyHad = core.addRoleToUser("public", userId, ADMIN_ROLE);
        if (alreadyHad.isEmpty()) {
            // only if someone deleted the role between the two calls
            throw new IllegalStateException("the core lost the " + ADMIN_ROLE + " role just after creating it");
        }
        int sessions = roleClaims.refreshSessionsOf("public", userId);
        return new Grant(alreadyHad.get(), sessions);
    }

    /**
     * What {@link #makeAdmin} did.
     *
     * @param didUserAlreadyHaveRole as the core answered
     * @param sessionsUpdated live sessions whose next access token carries the role
     */
    public record Grant(boolean didUserAlreadyHaveRole, int sessionsUpdated) {}

    @Override
    public void close() {
        server.close();
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        if (!path.equals("/admins")) {
            error(exchange, 404, "no such resource: " + path + " (the dev console serves POST /admins)");
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals(allowedOrigin)) {
            error(exchange, 403, "only " + allowedOrigin + " may use the dev console");
            return;
        }
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", allowedOrigin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        switch (method) {
            case "OPTIONS" -> preflight(exchange);
            case "POST" -> grant(exchange);
            default -> {
                exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
                error(exchange, 405, "method not allowed; use POST");
            }
        }
    }

    private static void preflight(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private void grant(HttpExchange exchange) throws IOException {
        if (!RequestBodies.isJson(exchange)) {
            error(exchange, 415, "Content-Type must be application/json");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String userId;
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode id = json == null ? null : json.get("userId");
            if (id == null
                    || !id.isTextual()
                    || id.textValue().isBlank()
                    || id.textValue().length() > MAX_USER_ID_LENGTH) {
                error(exchange, 400, "the body must be {\"userId\": \"<1 to 256 characters>\"}");
                return;
            }
            userId = id.textValue();
        } catch (IOException e) {
            error(exchange, 400, "the body is not JSON");
            return;
        }
        try {
            if (core.userById(userId).isEmpty()) {
                error(exchange, 404, "the core knows no user " + userId);
                return;
            }
            Grant grant = makeAdmin(userId);
            LocalCloudLog.event(
                    "dev-console",
                    "admin_granted",
                    Map.of("userId", userId, "sessionsUpdated", grant.sessionsUpdated()));
            send(
                    exchange,
                    200,
                    JSON.createObjectNode()
                            .put("status", "OK")
                            .put("role", ADMIN_ROLE)
                            .put("didUserAlreadyHaveRole", grant.didUserAlreadyHaveRole())
                            .put("sessionsUpdated", grant.sessionsUpdated())
                            .toString());
        } catch (CoreException e) {
            error(exchange, 502, "the SuperTokens core failed: " + e.getMessage());
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("message", message).toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
