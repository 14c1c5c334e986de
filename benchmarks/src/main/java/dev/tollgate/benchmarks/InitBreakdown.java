package dev.tollgate.benchmarks;

import dev.tollgate.authorizer.AuthorizerHandler;
import dev.tollgate.authorizer.config.AuthorizerConfig;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LambdaAnswer;
import dev.tollgate.testkit.SigningKey;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where the authorizer's init time goes, step by step, in this (fresh) JVM: run it with Lambda's
 * flags. Each step is timed after the previous ones, so it shows what that step adds.
 * The loopback core is started (and its key generated) before the clock starts.
 */
public final class InitBreakdown {

    private InitBreakdown() {}

    public static void main(String[] args) throws Exception {
        // The loopback core answers its headers and body in two writes: without this, a second request on
        // the same connection waits out the client's delayed ACK (40 ms), which no deployed core does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        SigningKey key = SigningKey.generate("d-" + System.currentTimeMillis());
        try (FakeCore core = FakeCore.start(key)) {
            Map<String, String> env = Map.of(
                    "SUPERTOKENS_CONNECTION_URI",
                    core.uri(),
                    "API_DOMAIN",
                    "http://localhost:4000",
                    "WEBSITE_DOMAIN",
                    "http://localhost:3000",
                    "API_GATEWAY_PATH",
                    "/dev");
            String event = Fixtures.event(
                    "allow-cookie-session.json", Map.of("ACCESS_TOKEN", AccessTokens.v5(key, "breakdown-user")));

            long t = System.nanoTime();
            AuthorizerConfig.fromEnvironment(env);
            t = step("authorizer config from the environment", t);
            SessionConfig config = SessionConfig.fromEnvironment(env);
            t = step("session config from the environment", t);
            Sessions sessions = Sessions.create(config);
            t = step("session library (core client, JWKS cache)", t);
            sessions.jwks().preload();
            t = step("JWKS fetch and key parsing", t);
            AuthorizerHandler handler = new AuthorizerHandler(env, new PrintStream(OutputStream.nullOutputStream()));
            t = step("the handler (the steps above again, warm, and its own parts)", t);
            LambdaAnswer answer = LambdaAnswer.invoke(handler, event);
            t = step("first decision (valid cookie session)", t);
            LambdaAnswer.invoke(handler, event);
            step("second decision", t);
            if (answer.error() || !answer.body().contains("breakdown-user")) {
                throw new IllegalStateException("unexpected answer: " + answer.body());
            }
        }
    }

    private static long step(String name, long since) {
        long now = System.nanoTime();
        System.out.printf("%-55s %7.1f ms%n", name, (now - since) / 1e6);
        return now;
    }
}
