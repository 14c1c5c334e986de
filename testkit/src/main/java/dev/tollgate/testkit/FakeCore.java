package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A loopback SuperTokens core for tests: the JWKS endpoint and CDI 5.4 {@code /recipe/session/verify}
 * with the core's promotion behaviour (a token that still names its parent refresh token gets a
 * replacement token with {@code parentRefreshTokenHash1: null}). Response shapes follow the golden
 * capture of core 11.4.7.
 */
public final class FakeCore implements AutoCloseable {

    public enum VerifyMode {
        PROMOTE,
        UNAUTHORISED,
        TRY_REFRESH,
        FAIL_500
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<SigningKey> keys = new CopyOnWriteArrayList<>();
    private final List<JsonNode> verifyRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile VerifyMode verifyMode = VerifyMode.PROMOTE;
    private volatile boolean jwksFails;

    private FakeCore(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeCore start(SigningKey... keys) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-core");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        FakeCore core = new FakeCore(server, executor);
        core.keys.addAll(List.of(keys));
        server.createContext("/.well-known/jwks.json", core::jwks);
        server.createContext("/apiversion", ex -> send(ex, 200, "{\"versions\":[\"5.4\"]}"));
        server.createContext("/recipe/session/verify", core::verify);
        server.start();
        return core;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SigningKey signingKey() {
        return keys.get(0);
    }

    public void verifyMode(VerifyMode mode) {
        this.verifyMode = mode;
    }

    public void jwksFails(boolean fails) {
        this.jwksFails = fails;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public List<JsonNode> verifyRequests() {
        return List.copyOf(verifyRequests);
    }

    private void jwks(HttpExchange ex) throws IOException {
        jwksFetches.incrementAndGet();
        if (jwksFails) {
            send(ex, 503, "{\"message\":\"unavailable\"}");
            return;
        }
        String body = keys.stream().map(SigningKey::jwkJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        ex.getResponseHeaders().add("Cache-Control", "max-age=3600, must-revalidate");
        send(ex, 200, body);
    }

    private void verify(HttpExchange ex) throws IOException {
        JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
        verifyRequests.add(request);
        switch (verifyMode) {
            case FAIL_500 -> send(ex, 500, "Internal Error");
            case UNAUTHORISED ->
                send(
                        ex,
                        200,
                        "{\"status\":\"UNAUTHORISED\",\"message\":\"Either the session has ended or has been blacklisted\"}");
            case TRY_REFRESH ->
                send(ex, 200, "{\"status\":\"TRY_REFRESH_TOKEN\",\"message\":\"anti-csrf check failed\"}");
            case PROMOTE -> send(ex, 200, promote(request.path("accessToken").asText()));
        }
    }

    /** The core's verify answer for a token minted by a refresh: session info plus a promoted token. */
    private String promote(String accessToken) throws IOException {
        ObjectNode old = AccessTokens.payloadOf(accessToken);
        long now = Instant.now().getEpochSecond();
        ObjectNode fresh = old.deepCopy();
        fresh.put("iat", now);
        fresh.put("exp", now + 3600);
        fresh.putNull("parentRefreshTokenHash1");
        String token = AccessTokens.sign(signingKey(), fresh);

        ObjectNode response = JSON.createObjectNode();
        ObjectNode session = response.putObject("session");
        session.put("handle", old.path("sessionHandle").asText());
        session.put("userId", old.path("sub").asText());
        session.put("recipeUserId", old.path("rsub").asText());
        ObjectNode userData = session.putObject("userDataInJWT");
        for (Map.Entry<String, JsonNode> e : old.properties()) {
            if (!PROTECTED.contains(e.getKey())) {
                userData.set(e.getKey(), e.getValue());
            }
        }
        session.put("tenantId", old.path("tId").asText("public"));
        ObjectNode at = response.putObject("accessToken");
        at.put("token", token);
        at.put("expiry", (now + 3600) * 1000);
        at.put("createdTime", now * 1000);
        response.put("status", "OK");
        return JSON.writeValueAsString(response);
    }

    /** The claims the core owns, never part of {@code userDataInJWT} (docs/supertokens.md#token-payload). */
    private static final List<String> PROTECTED = List.of(
            "sub",
            "iat",
            "exp",
            "sessionHandle",
            "parentRefreshTokenHash1",
            "refreshTokenHash1",
            "antiCsrfToken",
            "rsub",
            "tId",
            "stt");

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
