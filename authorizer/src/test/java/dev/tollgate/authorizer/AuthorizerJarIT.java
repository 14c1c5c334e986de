package dev.tollgate.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LambdaProcess;
import dev.tollgate.testkit.RuntimeApiDouble;
import dev.tollgate.testkit.RuntimeApiDouble.Answer;
import dev.tollgate.testkit.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar, as Lambda runs it: a fresh JVM, AWS's runtime interface client as the main class
 * with the handler string, only environment variables for configuration, events from a loopback
 * Runtime API. Every outcome is checked on the exact text the runtime hands to API Gateway.
 */
class AuthorizerJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = "dev.tollgate.authorizer.AuthorizerHandler::handleRequest";
    private static final Path JAR = Path.of(System.getProperty("authorizer.jar", "target/authorizer-lambda.jar"));
    private static final Path ARM64_JAR = JAR.resolveSibling("authorizer-lambda-arm64.jar");
    private static final String NATIVE_LIBRARY =
            "com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so";
    private static final int ELF_X86_64 = 62;
    private static final int ELF_AARCH64 = 183;
    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/graphql";

    private static SigningKey key;
    private static FakeCore core;
    private static RuntimeApiDouble runtimeApi;
    private static LambdaProcess function;

    @BeforeAll
    static void startFunction() throws IOException {
        key = SigningKey.generate("d-" + System.currentTimeMillis());
        core = FakeCore.start(key);
        runtimeApi = RuntimeApiDouble.start();
        function = LambdaProcess.start(JAR, HANDLER, env(runtimeApi, Map.of()), List.of());
    }

    @AfterAll
    static void stopFunction() throws IOException {
        function.close();
        runtimeApi.close();
        core.close();
    }

    private static Map<String, String> env(RuntimeApiDouble api, Map<String, String> extra) {
        Map<String, String> env = TestEnvironment.withCore(core.uri());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.putAll(extra);
        return env;
    }

    private static Answer invoke(String event) throws Exception {
        try {
            return runtimeApi.invoke(event).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from the function; its output:\n" + function.output(), e);
        }
    }

    /** The loading thread reports when it is done, which may come after the first answer. */
    private static String awaitLine(LambdaProcess process, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var line = process.output().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line with '" + text + "' in:\n" + process.output());
    }

    /** The ELF machine of the jar's native RSA library: e_machine, little-endian, at byte 18. */
    private static int nativeLibrary(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile());
                var in = file.getInputStream(file.getEntry(NATIVE_LIBRARY))) {
            byte[] header = in.readNBytes(20);
            assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("ELF");
            return (header[18] & 0xff) | (header[19] & 0xff) << 8;
        }
    }

    private static String withToken(String fixture, String token) {
        return Fixtures.event(fixture, Map.of("ACCESS_TOKEN", token));
    }

    private static String allow(String principal, String arn) {
        return "{\"principalId\":\"" + principal + "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + arn + "\"}]},"
                + "\"context\":{\"setCookie\":\"\"}}";
    }

    private static void assertUnauthorized(Answer answer) throws IOException {
        assertThat(answer.error()).isTrue();
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("errorMessage").asText()).isEqualTo("Unauthorized");
        assertThat(error.get("stackTrace")).isEmpty();
    }

    private static void assertServerError(Answer answer, String reason) throws IOException {
        assertThat(answer.error()).isTrue();
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("errorMessage").asText())
                .startsWith("Authorizer failure: " + reason)
                .isNotEqualTo("Unauthorized");
        assertThat(error.get("stackTrace")).isEmpty();
    }

    @Test
    void theJarHoldsTheHandlerAndNoRuntimeInterfaceClient() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("dev/tollgate/authorizer/AuthorizerHandler.class"))
                    .isNotNull();
            assertThat(jar.getEntry("dev/tollgate/session/verify/SessionVerifier.class"))
                    .isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName))
                    .noneMatch(n -> n.startsWith("com/amazonaws/services/lambda/runtime/api/client/"))
                    .noneMatch(n -> n.startsWith("jni/"));
        }
    }

    @Test
    void eachJarBundlesTheNativeRsaLibraryOfItsOwnArchitectureStripped() throws IOException {
        assertThat(nativeLibrary(JAR)).isEqualTo(ELF_X86_64);
        assertThat(nativeLibrary(ARM64_JAR)).isEqualTo(ELF_AARCH64);
        // Stripped of its debug information: about 3.7 MB instead of 9.6 MB (x86_64) and 8.8 MB (aarch64).
        for (Path jar : List.of(JAR, ARM64_JAR)) {
            assertThat(Files.size(jar)).as(jar + " within the 3 MB budget").isLessThanOrEqualTo(3L * 1024 * 1024);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getEntry(NATIVE_LIBRARY).getSize()).isLessThan(5L * 1024 * 1024);
                assertThat(file.getEntry("META-INF/LICENSE-AWS-LC.txt")).isNotNull();
                assertThat(file.getEntry("META-INF/LICENSE")).isNotNull();
            }
        }
    }

    @Test
    void everyClassInTheJarLinksButTheTwoPathsThatNeedAnObjectMapper() throws Exception {
        // The jar keeps only databind's tree model. Two paths reach for an ObjectMapper and are never
        // taken here: JsonNode#toString (the library writes trees with SessionJson) and writing a tree
        // that holds a POJO (trees read from JSON hold none).
        assertThat(JarLinkage.unresolved(JAR, List.of("dev/", "com/fasterxml/")))
                .containsExactlyInAnyOrder(
                        "com/fasterxml/jackson/databind/json/JsonMapper"
                                + " <- com.fasterxml.jackson.databind.node.InternalNodeMapper",
                        "com/fasterxml/jackson/databind/ObjectMapper"
                                + " <- dev.tollgate.session.internal.json.SessionJson$PojoFallback");
    }

    @Test
    void checksSignaturesWithTheNativeProviderAndSaysSoOnce() throws Exception {
        invoke(withToken("allow-cookie-session.json", AccessTokens.v5(key, "jar-user-8")));

        // Loading starts once the first answer is out, so the line may come a little later.
        assertThat(awaitLine(function, "RS256 signatures checked by"))
                .contains("\"level\":\"INFO\"")
                .contains("AmazonCorrettoCryptoProvider")
                .contains("(native)");
        invoke(withToken("allow-cookie-session.json", AccessTokens.v5(key, "jar-user-8")));
        assertThat(function.output().lines().filter(l -> l.contains("RS256 signatures checked by")))
                .hasSize(1);
    }

    @Test
    void fallsBackToTheJdkWhenTheNativeLibraryCannotLoad() throws Exception {
        // ACCP unpacks its library into this directory before loading it; one that cannot exist makes
        // the load fail as a missing or incompatible library would.
        List<String> flags = List.of("-Dcom.amazon.corretto.crypto.provider.tmpdir=/dev/null/no-such-dir");
        try (RuntimeApiDouble api = RuntimeApiDouble.start();
                LambdaProcess jdkOnly = LambdaProcess.start(JAR, HANDLER, env(api, Map.of()), flags)) {
            Answer user = api.invoke(withToken("allow-cookie-session.json", AccessTokens.v5(key, "jar-user-9")))
                    .get(30, TimeUnit.SECONDS);
            assertThat(user.body()).isEqualTo(allow("jar-user-9", ARN));
            String warning = awaitLine(jdkOnly, "RS256 signatures checked by");
            assertThat(warning)
                    .contains("\"level\":\"WARN\"")
                    .contains("SunRsaSign")
                    .contains("the native provider is unavailable");
        }
    }

    @Test
    void allowsCookieAndHeaderSessionsAndAnonymousCalls() throws Exception {
        assertThat(invoke(withToken("allow-cookie-session.json", AccessTokens.v5(key, "jar-user-1")))
                        .body())
                .isEqualTo(allow("jar-user-1", ARN));
        assertThat(invoke(withToken("allow-header-session.json", AccessTokens.v5(key, "jar-user-2")))
                        .body())
                .isEqualTo(allow("jar-user-2", ARN));
        Answer anonymous = invoke(Fixtures.event("allow-no-session.json"));
        assertThat(anonymous.error()).isFalse();
        assertThat(anonymous.body()).isEqualTo(allow("", ARN));
    }

    @Test
    void forwardsTheCoresReplacementTokenAsOneCookieAndAFrontToken() throws Exception {
        String token = AccessTokens.v5(key, "jar-user-3", p -> p.put("parentRefreshTokenHash1", "a1"));

        Answer answer = invoke(withToken("allow-new-token.json", token));

        assertThat(answer.error()).isFalse();
        JsonNode context = JSON.readTree(answer.body()).get("context");
        assertThat(context.get("setCookie").asText())
                .startsWith("sAccessToken=ey")
                .contains("; Path=/; Expires=")
                .endsWith("; HttpOnly; SameSite=Lax")
                .doesNotContainPattern(", [^ ;]+=");
        assertThat(context.get("frontToken").asText()).matches("[A-Za-z0-9+/]+=*");
    }

    @Test
    void deniesAnUnverifiedEmailOnTheVerifiedRoute() throws Exception {
        String token = AccessTokens.v5(key, "jar-user-4", p -> p.set("st-ev", AccessTokens.claim(false)));

        Answer answer = invoke(withToken("deny-invalid-claims.json", token));

        assertThat(answer.error()).isFalse();
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("policyDocument")
                        .get("Statement")
                        .get(0)
                        .get("Effect")
                        .asText())
                .isEqualTo("Deny");
        assertThat(result.get("context").get("body").asText())
                .isEqualTo("{\"message\":\"invalid claim\","
                        + "\"claimValidationErrors\":[{\"id\":\"st-ev\",\"reason\":{\"message\":\"wrong value\","
                        + "\"expectedValue\":true,\"actualValue\":false}}]}");
        assertThat(result.get("context").get("setCookie").asText()).isEmpty();
    }

    @Test
    void answersUnauthorizedForRefreshableAndEndedSessions() throws Exception {
        String expired = AccessTokens.v5(
                key, "jar-user-5", p -> p.put("exp", Instant.now().getEpochSecond() - 1));
        assertUnauthorized(invoke(withToken("unauthorized-try-refresh.json", expired)));
        assertUnauthorized(invoke(Fixtures.event(
                "unauthorized-duplicate-cookies.json",
                Map.of("ACCESS_TOKEN", AccessTokens.v5(key, "a"), "OTHER_TOKEN", AccessTokens.v5(key, "b")))));
        assertUnauthorized(invoke(withToken("unauthorized-missing-rid.json", AccessTokens.v5(key, "c"))));

        core.verifyMode(FakeCore.VerifyMode.UNAUTHORISED);
        try {
            assertUnauthorized(invoke(withToken(
                    "allow-new-token.json", AccessTokens.v5(key, "d", p -> p.put("parentRefreshTokenHash1", "a1")))));
        } finally {
            core.verifyMode(FakeCore.VerifyMode.PROMOTE);
        }
    }

    @Test
    void answersAServerErrorWhenTheCoreFailsAndForMalformedEvents() throws Exception {
        core.verifyMode(FakeCore.VerifyMode.FAIL_500);
        try {
            assertServerError(
                    invoke(withToken(
                            "error-core-unavailable.json",
                            AccessTokens.v5(key, "e", p -> p.put("parentRefreshTokenHash1", "a1")))),
                    "CORE_UNAVAILABLE");
        } finally {
            core.verifyMode(FakeCore.VerifyMode.PROMOTE);
        }
        for (String fixture : List.of(
                "malformed-missing-method-arn.json",
                "malformed-headers-null.json",
                "malformed-not-json.txt",
                "malformed-token-type.json")) {
            assertServerError(invoke(Fixtures.event(fixture)), "MALFORMED_EVENT");
        }
        assertThat(function.isAlive()).isTrue();
    }

    @Test
    void logsOneJsonLinePerDecisionAndNoTokens() throws Exception {
        String token = AccessTokens.v5(key, "jar-user-6");
        invoke(withToken("allow-cookie-session.json", token));

        String output = function.output();
        assertThat(output)
                .contains("\"event\":\"init\"")
                .contains("\"reason\":\"SESSION_VALID\",\"userId\":\"jar-user-6\"");
        assertThat(output).doesNotContain(token.split("\\.")[2]).doesNotContain("sAccessToken=");
    }

    @Test
    void withSessionsRequiredAndApiScopeNoSessionIs401AndTheStageIsAllowed() throws Exception {
        try (RuntimeApiDouble api = RuntimeApiDouble.start();
                LambdaProcess strict = LambdaProcess.start(
                        JAR, HANDLER, env(api, Map.of("SESSION_REQUIRED", "true", "POLICY_SCOPE", "api")), List.of())) {
            Answer anonymous =
                    api.invoke(Fixtures.event("allow-no-session.json")).get(30, TimeUnit.SECONDS);
            assertUnauthorized(anonymous);

            Answer user = api.invoke(withToken("allow-cookie-session.json", AccessTokens.v5(key, "jar-user-7")))
                    .get(30, TimeUnit.SECONDS);
            assertThat(user.body())
                    .isEqualTo(allow("jar-user-7", "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/*/*"));
            assertThat(strict.output()).contains("\"reason\":\"SESSION_REQUIRED\"");
        }
    }

    @Test
    void aBadVariableFailsTheInitWithAMessageNamingIt() throws Exception {
        try (RuntimeApiDouble api = RuntimeApiDouble.start();
                LambdaProcess bad =
                        LambdaProcess.start(JAR, HANDLER, env(api, Map.of("SESSION_REQUIRED", "maybe")), List.of())) {
            String error = api.initError().get(30, TimeUnit.SECONDS);
            assertThat(JSON.readTree(error).get("errorMessage").asText())
                    .contains("SESSION_REQUIRED: not a boolean (accepted: true, false)");
            // The runtime client exits after reporting a failed init, as on Lambda.
            assertThat(bad.waitForExit(Duration.ofSeconds(30))).isTrue();
        }
    }
}
