package dev.tollgate.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda service running a real function (test classes) through AWS's runtime interface client, one
 * JVM per instance: answers, function errors, crashes, timeouts, environment isolation, concurrency.
 */
class LambdaServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = "dev.tollgate.localstack.lambda.testfunction.TestFunction::handleRequest";
    private static final Path CODE = Path.of("target/test-classes");
    /** Set by failsafe in this test JVM's environment; a function must never see it. */
    private static final String PARENT_SECRET = "TOLLGATE_TEST_PARENT_SECRET";

    private static LambdaServiceOptions options;
    private static LambdaService lambda;

    @BeforeAll
    static void start() {
        options = LambdaServiceOptions.defaults(
                LambdaServiceOptions.runtimeClasspathFrom(Path.of("target/lambda-runtime.classpath")));
        lambda = LambdaService.start(options);
        lambda.deploy(new FunctionDefinition(
                "echo", CODE, HANDLER, Map.of("GREETING", "hello"), Duration.ofSeconds(20), 256));
        lambda.deploy(new FunctionDefinition("crashy", CODE, HANDLER, Map.of(), Duration.ofSeconds(20), 256));
        lambda.deploy(new FunctionDefinition("slow", CODE, HANDLER, Map.of(), Duration.ofSeconds(2), 256));
        lambda.deploy(new FunctionDefinition("parallel", CODE, HANDLER, Map.of(), Duration.ofSeconds(30), 256));
        lambda.deploy(new FunctionDefinition(
                "broken",
                CODE,
                "dev.tollgate.localstack.lambda.testfunction.BrokenInitFunction::handleRequest",
                Map.of(),
                Duration.ofSeconds(20),
                256));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void returnsTheHandlersResultAndStaysWarm() throws Exception {
        String arn = lambda.functionArn("echo");
        JsonNode first = success(lambda.invoke(arn, "{\"action\":\"echo\",\"value\":\"héllo\"}"));
        JsonNode second = success(lambda.invoke(arn, "{\"action\":\"echo\",\"value\":42}"));

        assertThat(first.get("echo").asText()).isEqualTo("héllo");
        assertThat(second.get("echo").asInt()).isEqualTo(42);
        assertThat(first.get("functionName").asText()).isEqualTo("echo");
        assertThat(first.get("invokedFunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(first.get("requestId").asText())
                .matches("[0-9a-f-]{36}")
                .isNotEqualTo(second.get("requestId").asText());
        assertThat(first.get("remainingTimeMs").asLong()).isBetween(1L, 20_000L);
        assertThat(first.get("memoryLimitMb").asInt()).isEqualTo(256);
        assertThat(first.get("maxHeapMb").asLong()).isLessThanOrEqualTo(256L * 85 / 100);
        assertThat(first.get("traceHeader").asText())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        assertThat(second.get("pid").asLong())
                .as("the warm instance serves the second call")
                .isEqualTo(first.get("pid").asLong());
        assertThat(ProcessHandle.current().pid()).isNotEqualTo(first.get("pid").asLong());
        assertThat(lambda.liveInstances("echo")).isEqualTo(1);
    }

    @Test
    void acceptsAQualifiedArnAndTheBareName() throws Exception {
        assertThat(success(lambda.invoke(lambda.functionArn("echo") + ":$LATEST", "{\"action\":\"echo\",\"value\":1}"))
                        .get("invokedFunctionArn")
                        .asText())
                .endsWith(":function:echo:$LATEST");
        assertThat(success(lambda.invoke("echo", "{\"action\":\"echo\",\"value\":2}"))
                        .get("echo")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aThrownExceptionIsAFunctionErrorAndTheInstanceStaysWarm() throws Exception {
        String arn = lambda.functionArn("echo");
        long pidBefore =
                success(lambda.invoke(arn, "{\"action\":\"echo\"}")).get("pid").asLong();

        Invocation result = lambda.invoke(arn, "{\"action\":\"fail\",\"message\":\"Unauthorized\"}");

        assertThat(result).isEqualTo(new Invocation.FunctionError("Unauthorized", "java.lang.IllegalStateException"));
        assertThat(success(lambda.invoke(arn, "{\"action\":\"echo\"}"))
                        .get("pid")
                        .asLong())
                .isEqualTo(pidBefore);
    }

    @Test
    void aCrashFailsTheInvocationAndTheNextCallGetsAFreshInstance() throws Exception {
        String arn = lambda.functionArn("crashy");
        long crashedPid =
                success(lambda.invoke(arn, "{\"action\":\"echo\"}")).get("pid").asLong();

        Invocation crash = lambda.invoke(arn, "{\"action\":\"exit\",\"status\":3}");

        assertThat(crash).isInstanceOf(Invocation.Failed.class);
        assertThat(((Invocation.Failed) crash).reason()).contains("exit status 3");
        assertThat(ProcessHandle.of(crashedPid).filter(ProcessHandle::isAlive)).isEmpty();
        long freshPid =
                success(lambda.invoke(arn, "{\"action\":\"echo\"}")).get("pid").asLong();
        assertThat(freshPid).isNotEqualTo(crashedPid);
    }

    @Test
    void anOverrunIsATimeoutAndTheInstanceIsReplaced() throws Exception {
        String arn = lambda.functionArn("slow");
        long firstPid = success(lambda.invoke(arn, "{\"action\":\"sleep\",\"millis\":1}"))
                .get("pid")
                .asLong();

        Invocation timeout = lambda.invoke(arn, "{\"action\":\"sleep\",\"millis\":10000}");

        assertThat(timeout).isEqualTo(new Invocation.Failed("Task timed out after 2.00 seconds"));
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive))
                .as("timed-out JVM is stopped")
                .isEmpty();
        long nextPid = success(lambda.invoke(arn, "{\"action\":\"sleep\",\"millis\":1}"))
                .get("pid")
                .asLong();
        assertThat(nextPid).isNotEqualTo(firstPid);
    }

    @Test
    void aFunctionSeesOnlyItsOwnEnvironmentAndLambdasVariables() throws Exception {
        assertThat(System.getenv(PARENT_SECRET))
                .as("failsafe sets the parent's secret")
                .isNotBlank();

        JsonNode result = success(lambda.invoke(lambda.functionArn("echo"), "{\"action\":\"env\"}"));
        JsonNode env = result.get("env");

        Set<String> names = new HashSet<>();
        env.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain(PARENT_SECRET, "HOME", "JAVA_HOME", "MAVEN_OPTS", "USER");
        // Lambda's own variables are the ones it reserves, less those it sets only where they apply
        // (X-Ray tracing, a role session's token, the legacy key name); then the function's and the OS's
        Set<String> expected = new HashSet<>(FunctionDefinition.RESERVED);
        expected.removeAll(Set.of("_X_AMZN_TRACE_ID", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY"));
        expected.addAll(Set.of("GREETING", "PATH", "LANG", "TZ"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(env.get("GREETING").asText()).isEqualTo("hello");
        assertThat(env.get("_HANDLER").asText()).isEqualTo(HANDLER);
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("echo");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME").asText())
                .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(env.get("AWS_LAMBDA_RUNTIME_API").asText()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
    }

    @Test
    void concurrentInvocationsStartASecondInstance() throws Exception {
        String arn = lambda.functionArn("parallel");
        String event = "{\"action\":\"sleep\",\"millis\":1500}";
        List<CompletableFuture<Invocation>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> lambda.invoke(arn, event)));
        }
        Set<Long> pids = new HashSet<>();
        for (CompletableFuture<Invocation> call : calls) {
            pids.add(success(call.get()).get("pid").asLong());
        }

        assertThat(pids).hasSize(2);
        assertThat(lambda.liveInstances("parallel")).isEqualTo(2);
    }

    @Test
    void beyondTheInstanceLimitCallsWaitForTheWarmInstance() throws Exception {
        try (LambdaService limited = LambdaService.start(options.withMaxInstancesPerFunction(1))) {
            limited.deploy(new FunctionDefinition("single", CODE, HANDLER, Map.of(), Duration.ofSeconds(30), 256));
            List<CompletableFuture<Invocation>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> limited.invoke("single", "{\"action\":\"sleep\",\"millis\":300}")));
            }
            Set<Long> pids = new HashSet<>();
            for (CompletableFuture<Invocation> call : calls) {
                pids.add(success(call.get()).get("pid").asLong());
            }

            assertThat(pids).hasSize(1);
            assertThat(limited.liveInstances("single")).isEqualTo(1);
        }
    }

    @Test
    void anInitErrorIsReportedAsTheFunctionsError() {
        Invocation result = lambda.invoke(lambda.functionArn("broken"), "{}");

        assertThat(result).isInstanceOf(Invocation.FunctionError.class);
        Invocation.FunctionError error = (Invocation.FunctionError) result;
        assertThat(error.errorMessage()).contains("configuration missing: NOTES_TABLE");
    }

    @Test
    void unknownFunctionsAndForeignArnsAreNotFound() {
        assertThat(lambda.invoke(options.functionArn("nope"), "{}"))
                .isEqualTo(new Invocation.Failed("ResourceNotFoundException: Function not found: "
                        + "arn:aws:lambda:us-east-1:000000000000:function:nope"));
        assertThat(lambda.invoke("arn:aws:lambda:eu-west-1:123456789012:function:echo", "{}"))
                .isInstanceOf(Invocation.Failed.class);
    }

    @Test
    void closeStopsEveryInstanceJvm() throws Exception {
        LambdaService own = LambdaService.start(options);
        own.deploy(new FunctionDefinition("short-lived", CODE, HANDLER, Map.of(), Duration.ofSeconds(20), 256));
        List<CompletableFuture<Invocation>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(
                    () -> own.invoke("short-lived", "{\"action\":\"sleep\",\"millis\":1000}")));
        }
        List<Long> pids = new ArrayList<>();
        for (CompletableFuture<Invocation> call : calls) {
            pids.add(success(call.get()).get("pid").asLong());
        }
        assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .contains(true));

        own.close();

        assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEmpty());
        assertThat(own.invoke("short-lived", "{}")).isInstanceOf(Invocation.Failed.class);
    }

    private static JsonNode success(Invocation invocation) throws Exception {
        assertThat(invocation).isInstanceOf(Invocation.Success.class);
        return JSON.readTree(((Invocation.Success) invocation).payloadJson());
    }
}
