package dev.tollgate.benchmarks;

import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LambdaProcess;
import dev.tollgate.testkit.RuntimeApiDouble;
import dev.tollgate.testkit.SigningKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Cold start of the shaded authorizer jar, from process start to its first decision, next to a JVM
 * running {@link EmptyHandler} through the same runtime interface client, in the same run.
 *
 * <p>Each run starts a fresh JVM with Lambda's default flags ({@code -XX:+TieredCompilation
 * -XX:TieredStopAtLevel=1}) and only the function's environment variables; the event (a valid cookie
 * session) is already queued at the loopback Runtime API, and the JWKS comes from a loopback core.
 * Usage: {@code ColdStart [runs] [path/to/authorizer-lambda.jar]}.
 */
public final class ColdStart {

    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /** Timings of one JVM, in milliseconds from process start. */
    private record Run(double initDoneMs, double firstAnswerMs) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path jar = Path.of(args.length > 1 ? args[1] : "authorizer/target/authorizer-lambda.jar");
        SigningKey key = SigningKey.generate("d-" + System.currentTimeMillis());
        try (FakeCore core = FakeCore.start(key)) {
            String event = Fixtures.event(
                    "allow-cookie-session.json", Map.of("ACCESS_TOKEN", AccessTokens.v5(key, "cold-start-user")));
            Map<String, String> authorizerEnv = Map.of(
                    "SUPERTOKENS_CONNECTION_URI", core.uri(),
                    "API_DOMAIN", "http://localhost:4000",
                    "WEBSITE_DOMAIN", "http://localhost:3000",
                    "API_GATEWAY_PATH", "/dev",
                    "API_BASE_PATH", "/auth",
                    "LOG_LEVEL", "INFO");
            Path baselineClasses = Path.of(EmptyHandler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());

            List<Run> baseline = new ArrayList<>();
            List<Run> authorizer = new ArrayList<>();
            // One warm-up pair (page cache, CDS archive), then interleaved runs so drift hits both alike.
            measure(baselineClasses, EmptyHandler.class.getName() + "::handleRequest", Map.of(), event, "{}");
            measure(
                    jar,
                    "dev.tollgate.authorizer.AuthorizerHandler::handleRequest",
                    authorizerEnv,
                    event,
                    "\"principalId\":\"cold-start-user\"");
            for (int i = 0; i < runs; i++) {
                baseline.add(measure(
                        baselineClasses, EmptyHandler.class.getName() + "::handleRequest", Map.of(), event, "{}"));
                authorizer.add(measure(
                        jar,
                        "dev.tollgate.authorizer.AuthorizerHandler::handleRequest",
                        authorizerEnv,
                        event,
                        "\"principalId\":\"cold-start-user\""));
            }
            System.out.printf(
                    "java %s (%s), flags %s, %d runs each%n",
                    System.getProperty("java.version"),
                    System.getProperty("java.vm.name"),
                    String.join(" ", LAMBDA_FLAGS),
                    runs);
            report("empty handler (baseline)", baseline);
            report("authorizer-lambda.jar", authorizer);
            System.out.printf(
                    "authorizer minus baseline, median first answer: %.1f ms%n",
                    median(authorizer, Run::firstAnswerMs) - median(baseline, Run::firstAnswerMs));
            // Each authorizer JVM fetches the JWKS once, at init: the decision itself did no I/O.
            if (core.jwksFetches() != runs + 1) {
                throw new IllegalStateException(
                        "expected one JWKS fetch per authorizer JVM, saw " + core.jwksFetches());
            }
        }
    }

    private static Run measure(
            Path function, String handler, Map<String, String> functionEnv, String event, String expected)
            throws Exception {
        try (RuntimeApiDouble api = RuntimeApiDouble.start()) {
            CompletableFuture<RuntimeApiDouble.Answer> answer = api.invoke(event);
            Map<String, String> env = new HashMap<>(functionEnv);
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            long start = System.nanoTime();
            try (LambdaProcess process = LambdaProcess.start(function, handler, env, LAMBDA_FLAGS)) {
                RuntimeApiDouble.Answer a = answer.get(60, TimeUnit.SECONDS);
                if (a.error() || !a.body().contains(expected)) {
                    throw new IllegalStateException(
                            "unexpected answer from " + handler + ": " + a.body() + "\n" + process.output());
                }
                long initDone = api.firstPoll().get(1, TimeUnit.SECONDS);
                return new Run((initDone - start) / 1e6, (a.receivedAtNanos() - start) / 1e6);
            }
        }
    }

    private static void report(String name, List<Run> runs) {
        System.out.printf(
                "%-26s init done: median %6.1f ms | first decision: median %6.1f ms, min %6.1f, max %6.1f%n",
                name,
                median(runs, Run::initDoneMs),
                median(runs, Run::firstAnswerMs),
                runs.stream().mapToDouble(Run::firstAnswerMs).min().orElse(0),
                runs.stream().mapToDouble(Run::firstAnswerMs).max().orElse(0));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(f.applyAsDouble(r)));
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private ColdStart() {}
}
