package dev.tollgate.benchmarks;

import dev.tollgate.config.Variables;
import dev.tollgate.dynamodb.DynamoDbEmulator;
import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LambdaProcess;
import dev.tollgate.testkit.RuntimeApiDouble;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cold start of every function, from process start to its first answer, each next to the matching
 * empty program in the same run: the three Java functions (and {@link EmptyHandler}) as Lambda starts
 * them, a fresh JVM with Lambda's flags ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1})
 * running AWS's runtime interface client against a loopback Runtime API that already holds the
 * event; and supertokens-node's authorizer recipe ({@code benchmarks/node/peer.js cold}) next to a
 * Node process that only reads its event ({@code peer.js empty}). All runs are interleaved so that
 * load drift hits each alike; one warm-up round is discarded.
 *
 * <ul>
 *   <li>authorizer: a valid cookie session (token from the core stand-in, JWKS fetched at init);
 *   <li>auth-api: {@code POST /auth/signin} of a user created at the core stand-in beforehand (what a
 *       user waits for on sign-in; the core's own password check is part of every run alike);
 *   <li>resolver: {@code Query.notes} against the DynamoDB emulator (the first notes call).
 * </ul>
 *
 * Usage, from the repository root: {@code ColdStart [runs] [kind=path/to.jar ...]} where kind is
 * {@code authorizer}, {@code auth-api} or {@code resolver}; several jars of one kind (e.g. today's and
 * a candidate) are measured side by side. Without jar arguments, the three {@code target/*-lambda.jar}.
 */
public final class ColdStart {

    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final String SIGN_IN_EMAIL = "cold-start@example.com";
    private static final String SIGN_IN_PASSWORD = "correct-horse-9";
    private static final Path NOTES_TABLE = Path.of("stack/src/main/resources/stack/notes-table.json");

    /** One program measured, and how to start it once and check its answer. */
    private record Subject(String name, Run run) {
        /** Milliseconds from process start to the first answer. */
        double runOnce() throws Exception {
            return run.once();
        }
    }

    /** One start of a program, timed: milliseconds to its first answer, which must be the expected one. */
    @FunctionalInterface
    private interface Run {
        double once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Map<String, List<Path>> jars = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2 || !List.of("authorizer", "auth-api", "resolver").contains(kv[0])) {
                throw new IllegalArgumentException("expected authorizer=, auth-api= or resolver=<jar>, got " + args[i]);
            }
            jars.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Path.of(kv[1]));
        }
        if (jars.isEmpty()) {
            jars.put("authorizer", List.of(Path.of("authorizer/target/authorizer-lambda.jar")));
            jars.put("auth-api", List.of(Path.of("auth-api/target/auth-api-lambda.jar")));
            jars.put("resolver", List.of(Path.of("appsync-integration/target/appsync-integration-lambda.jar")));
        }

        Path inputFile = Files.createTempFile("tollgate-cold-input", ".json");
        try (CoreStandIn core = WarmInput.startCore();
                DynamoDbEmulator dynamo = DynamoDbEmulator.start(0, false)) {
            WarmInput input = WarmInput.mint(core, 0);
            input.write(inputFile);
            String table = createNotesTable(dynamo.endpoint());
            Path emptyClasses = Path.of(EmptyHandler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());

            List<Subject> subjects = new ArrayList<>();
            subjects.add(java(
                    "empty handler (Java baseline)",
                    emptyClasses,
                    EmptyHandler.class.getName() + "::handleRequest",
                    Map.of(),
                    input::hitEvent,
                    "{}"));
            for (Path jar : jars.getOrDefault("authorizer", List.of())) {
                // Also with the native RSA provider off: what loading it on its thread costs the first answer.
                Map<String, String> jdkOnly = new HashMap<>(input.authorizerEnv());
                jdkOnly.put(Variables.Authorizer.RSA_PROVIDER, "jdk");
                for (Map<String, String> env : List.of(input.authorizerEnv(), jdkOnly)) {
                    subjects.add(java(
                            "authorizer " + jar.getFileName() + " (" + sizeMb(jar) + ")"
                                    + (env == jdkOnly ? " RSA_PROVIDER=jdk" : ""),
                            jar,
                            "dev.tollgate.authorizer.AuthorizerHandler::handleRequest",
                            env,
                            input::hitEvent,
                            "\"principalId\":\"" + WarmInput.EXPECTED_USER_PREFIX + "hit\""));
                }
            }
            createUser(core.uri(), SIGN_IN_EMAIL, SIGN_IN_PASSWORD);
            for (Path jar : jars.getOrDefault("auth-api", List.of())) {
                subjects.add(java(
                        "auth-api " + jar.getFileName() + " (" + sizeMb(jar) + ")",
                        jar,
                        "dev.tollgate.authapi.AuthApiHandler::handleRequest",
                        Map.of(
                                "SUPERTOKENS_CONNECTION_URI", input.connectionUri(),
                                "API_DOMAIN", input.apiDomain(),
                                "WEBSITE_DOMAIN", input.websiteDomain(),
                                "API_GATEWAY_PATH", input.apiGatewayPath(),
                                "EMAIL_SENDER", "log",
                                "AWS_REGION", "us-east-1"),
                        ColdStart::signInEvent,
                        "\\\"status\\\":\\\"OK\\\""));
            }
            for (Path jar : jars.getOrDefault("resolver", List.of())) {
                String notesEvent = Fixtures.appsyncEvent("query-notes.json");
                subjects.add(java(
                        "resolver " + jar.getFileName() + " (" + sizeMb(jar) + ")",
                        jar,
                        "dev.tollgate.appsync.ResolverHandler::handleRequest",
                        Map.of(
                                "NOTES_TABLE", table,
                                "AWS_REGION", "us-east-1",
                                "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                                "AWS_ACCESS_KEY_ID", "bench",
                                "AWS_SECRET_ACCESS_KEY", "bench"),
                        () -> notesEvent,
                        "[]"));
            }
            subjects.add(node("node, empty (Node baseline)", "empty", inputFile, "{}"));
            subjects.add(node(
                    "node supertokens-node getSession",
                    "cold",
                    inputFile,
                    "\"principalId\":\"" + WarmInput.EXPECTED_USER_PREFIX + "hit\""));

            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (Subject s : subjects) {
                s.runOnce(); // warm-up: page cache, CDS archive, the core's and the emulator's first calls
                times.put(s.name(), new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                for (Subject s : subjects) {
                    times.get(s.name()).add(s.runOnce());
                }
            }

            System.out.printf(
                    "%njava %s (%s), flags %s; %d runs each, medians%n",
                    System.getProperty("java.version"),
                    System.getProperty("java.vm.name"),
                    String.join(" ", LAMBDA_FLAGS),
                    runs);
            double javaBase = WarmComparison.median(times.get(subjects.get(0).name()));
            double nodeBase = WarmComparison.median(times.get("node, empty (Node baseline)"));
            double nodeOwn = WarmComparison.median(times.get("node supertokens-node getSession")) - nodeBase;
            System.out.printf("%-60s %12s %12s%n", "first answer (ms)", "median", "own cost");
            for (Subject s : subjects) {
                double m = WarmComparison.median(times.get(s.name()));
                double base = s.name().startsWith("node") ? nodeBase : javaBase;
                System.out.printf("%-60s %12.1f %12.1f%n", s.name(), m, m - base);
            }
            for (Path jar : jars.getOrDefault("authorizer", List.of())) {
                subjects.stream()
                        .map(Subject::name)
                        .filter(n -> n.startsWith("authorizer " + jar.getFileName()))
                        .forEach(name -> System.out.printf(
                                "own cost ratio, %s / node recipe: %.2f%n",
                                name, (WarmComparison.median(times.get(name)) - javaBase) / nodeOwn));
            }
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }

    private static String sizeMb(Path jar) throws IOException {
        return String.format("%.1f MB", Files.size(jar) / 1e6);
    }

    private static Subject java(
            String name,
            Path function,
            String handler,
            Map<String, String> functionEnv,
            Supplier<String> event,
            String expected) {
        return new Subject(name, () -> {
            try (RuntimeApiDouble api = RuntimeApiDouble.start()) {
                CompletableFuture<RuntimeApiDouble.Answer> answer = api.invoke(event.get());
                Map<String, String> env = new HashMap<>(functionEnv);
                env.put("AWS_LAMBDA_RUNTIME_API", api.address());
                // Lets a run try JVM options the way a function's JAVA_TOOL_OPTIONS would set them.
                String toolOptions = System.getenv("COLDSTART_JAVA_TOOL_OPTIONS");
                if (toolOptions != null && !toolOptions.isBlank()) {
                    env.put("JAVA_TOOL_OPTIONS", toolOptions);
                }
                long start = System.nanoTime();
                try (LambdaProcess process = LambdaProcess.start(function, handler, env, LAMBDA_FLAGS)) {
                    RuntimeApiDouble.Answer a = answer.get(60, TimeUnit.SECONDS);
                    if (a.error() || !a.body().contains(expected)) {
                        throw new IllegalStateException(
                                "unexpected answer from " + name + ": " + a.body() + "\n" + process.output());
                    }
                    return (a.receivedAtNanos() - start) / 1e6;
                }
            }
        });
    }

    private static Subject node(String name, String mode, Path inputFile, String expected) {
        return new Subject(name, () -> {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("node", WarmComparison.NODE_PEER.toString(), mode, inputFile.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = out.readLine();
            }
            long answered = System.nanoTime();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || line == null || !line.contains(expected)) {
                throw new IllegalStateException("unexpected answer from " + name + ": " + line);
            }
            return (answered - start) / 1e6;
        });
    }

    /** A REST API proxy event as API Gateway sends it for {@code POST /dev/auth/signin}. */
    private static String signInEvent() {
        String body = "{\"formFields\":[{\"id\":\"email\",\"value\":\"" + SIGN_IN_EMAIL
                + "\"},{\"id\":\"password\",\"value\":\"" + SIGN_IN_PASSWORD + "\"}]}";
        String quotedBody = "\"" + body.replace("\"", "\\\"") + "\"";
        return "{\"resource\":\"/auth/{proxy+}\",\"path\":\"/auth/signin\",\"httpMethod\":\"POST\","
                + "\"headers\":{\"content-type\":\"application/json\",\"origin\":\"http://localhost:3000\","
                + "\"rid\":\"emailpassword\",\"st-auth-mode\":\"cookie\"},"
                + "\"multiValueHeaders\":{\"content-type\":[\"application/json\"],\"origin\":[\"http://localhost:3000\"],"
                + "\"rid\":[\"emailpassword\"],\"st-auth-mode\":[\"cookie\"]},"
                + "\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null,"
                + "\"pathParameters\":{\"proxy\":\"signin\"},\"stageVariables\":null,"
                + "\"requestContext\":{\"resourcePath\":\"/auth/{proxy+}\",\"httpMethod\":\"POST\","
                + "\"path\":\"/dev/auth/signin\",\"stage\":\"dev\",\"requestId\":\"cold-start\","
                + "\"identity\":{\"sourceIp\":\"127.0.0.1\"}},"
                + "\"body\":" + quotedBody + ",\"isBase64Encoded\":false}";
    }

    /** An email-password user at the core, through the CDI sign-up a backend makes. */
    private static void createUser(URI core, String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(core.resolve("/public/recipe/signup"))
                                .header("content-type", "application/json")
                                .header("cdi-version", "5.4")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"OK\"")) {
            throw new IllegalStateException("the core stand-in did not create the user: " + r.statusCode());
        }
    }

    /** The notes table as the stack defines it, created through DynamoDB's JSON protocol. */
    private static String createNotesTable(URI endpoint) throws Exception {
        String definition = Files.readString(NOTES_TABLE);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .header("content-type", "application/x-amz-json-1.0")
                                .header("x-amz-target", "DynamoDB_20120810.CreateTable")
                                .POST(HttpRequest.BodyPublishers.ofString(definition))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("CreateTable failed: " + r.statusCode() + " " + r.body());
        }
        return "tollgate-notes";
    }

    private ColdStart() {}
}
