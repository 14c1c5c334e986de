package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.localstack.LocalCloud;
import dev.tollgate.localstack.LocalCloudOptions;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected while users keep calling: the SuperTokens core hangs for ten seconds, then refuses
 * connections (its port closed) for a while; DynamoDB answers 500 for a while; every function JVM is killed
 * mid-load. The core and DynamoDB sit behind a {@link FaultProxy} (the core stand-in runs on its own port and
 * is handed to the local cloud as a real core would be; DynamoDB through {@code LocalCloud.start}'s test
 * hook). Across every fault: no user is signed out (no cleared session cookie, no 401 from refresh), no
 * answer takes longer than the client's 40 s (the gateway answers 5xx instead), no user sees another's
 * data, every user works again afterwards without signing in, and no acknowledged note is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final int USERS = 3;
    private static final int TABS = 2;
    /** The functions' default JWKS penalty: at most one fetch per instance per window after failures. */
    private static final Duration JWKS_PENALTY = Duration.ofSeconds(10);
    /** Lambda's per-function instance cap in the local cloud, times the two functions that fetch keys. */
    private static final int KEY_FETCHING_INSTANCES = 2 * 4;

    private static CoreStandIn core;
    private static FaultProxy coreProxy;
    private static final AtomicReference<FaultProxy> dynamoProxy = new AtomicReference<>();
    private static LocalCloud cloud;
    private static List<VirtualUser> users;
    private static LoadRun setup;

    @BeforeAll
    static void start() {
        LoadIT.requireBuilt();
        core = CoreStandIn.start(CoreConfig.builder()
                .port(0)
                .accessTokenValidity(Duration.ofSeconds(6))
                .build());
        coreProxy = FaultProxy.start(core.uri(), 500, "{}");
        cloud = LocalCloud.start(
                LocalCloudOptions.builder(LoadIT.REPO)
                        .ephemeralPorts()
                        .coreUri(coreProxy.uri())
                        .build(),
                dynamodb -> {
                    FaultProxy proxy = FaultProxy.start(
                            dynamodb,
                            500,
                            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                                    + "\"message\":\"Internal server error (injected)\"}");
                    dynamoProxy.set(proxy);
                    return proxy.uri();
                });
        setup = new LoadRun(cloud.api(), cloud.web(), new Recorder());
        users = setup.signUp(USERS, "faults" + System.nanoTime());
        assertThat(setup.recorder().violations()).isEmpty();
        assertThat(users).hasSize(USERS);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (dynamoProxy.get() != null) {
            dynamoProxy.get().close();
        }
        if (coreProxy != null) {
            coreProxy.close();
        }
        if (core != null) {
            core.close();
        }
    }

    @Test
    @Order(1)
    void coreHangsForTenSeconds() throws Exception {
        VirtualUser probe = users.get(0);
        Recorder recorder = new Recorder();
        probe.recordInto(recorder);
        assertThat(probe.refresh().succeeded()).isTrue();
        assertThat(probe.me().succeeded()).isTrue(); // the new token's first use, which the core confirms

        coreOutage(
                recorder,
                FaultProxy.Mode.HANG,
                Duration.ofSeconds(10),
                "core hang",
                () ->
                        // an unexpired, already confirmed access token needs no core: still 200
                        assertThat(probe.me().status())
                                .as("me with a valid token while the core hangs")
                                .isEqualTo(200));
    }

    @Test
    @Order(2)
    void coreRefusesConnectionsForAWhile() throws Exception {
        coreOutage(
                new Recorder(), FaultProxy.Mode.REFUSE, Duration.ofSeconds(8), "core refusing connections", () -> {});
    }

    @Test
    @Order(3)
    void dynamoDbAnswers500ForAWhile() throws Exception {
        VirtualUser probe = users.get(1);
        Recorder recorder = new Recorder();
        withLoad(recorder, Duration.ofSeconds(2), Duration.ofSeconds(4), () -> {
            dynamoProxy.get().mode(FaultProxy.Mode.FAIL);
            probe.recordInto(recorder);
            Answer added = probe.addNote();
            Answer listed = probe.notes();
            pause(Duration.ofSeconds(3));
            dynamoProxy.get().mode(FaultProxy.Mode.PASS);
            // the resolver's failure reaches the client as an error, never as a success
            assertThat(added.succeeded())
                    .as("addNote while DynamoDB fails: %s", added.body())
                    .isFalse();
            assertThat(listed.succeeded())
                    .as("notes while DynamoDB fails: %s", listed.body())
                    .isFalse();
            assertThat(added.status() == 200 ? added.graphqlError() : added.status() >= 500)
                    .isTrue();
        });
        assertSurvived(recorder, "DynamoDB answering 500");
    }

    @Test
    @Order(4)
    void functionJvmsKilledMidLoad() throws Exception {
        Recorder recorder = new Recorder();
        AtomicReference<Set<Long>> killed = new AtomicReference<>();
        withLoad(recorder, Duration.ofSeconds(3), Duration.ofSeconds(6), () -> {
            List<ProcessHandle> functions = functionJvms();
            assertThat(functions).isNotEmpty();
            killed.set(functions.stream().map(ProcessHandle::pid).collect(Collectors.toSet()));
            functions.forEach(ProcessHandle::destroyForcibly);
        });
        assertSurvived(recorder, "function JVMs killed");
        // the local cloud started new instances, and they serve
        assertThat(functionJvms())
                .extracting(ProcessHandle::pid)
                .isNotEmpty()
                .doesNotContainAnyElementsOf(killed.get());
    }

    @Test
    @Order(5)
    void nothingAcknowledgedWasLost() throws Exception {
        Recorder recorder = new Recorder();
        long acknowledged = setup.checkNothingLostInto(users, recorder);
        assertThat(recorder.violations()).isEmpty();
        assertThat(acknowledged).isPositive();
    }

    /**
     * Runs the call mix, starts {@code fault} after {@code before}, and keeps the load on for {@code after}
     * once the fault has returned.
     *
     * @return when the fault ended (System.nanoTime)
     */
    private static long withLoad(Recorder recorder, Duration before, Duration after, ThrowingRunnable fault)
            throws Exception {
        LoadRun run = new LoadRun(cloud.api(), cloud.web(), recorder, Duration.ofMillis(100));
        AtomicReference<Throwable> loadFailure = new AtomicReference<>();
        Thread load = new Thread(
                () -> {
                    try {
                        run.mixUntilInterrupted(users, TABS);
                    } catch (Throwable e) {
                        loadFailure.set(e);
                    }
                },
                "fault-load");
        load.start();
        long ended;
        try {
            pause(before);
            fault.run();
            ended = System.nanoTime();
            pause(after);
        } finally {
            load.interrupt();
            load.join();
        }
        assertThat(loadFailure.get()).isNull();
        return ended;
    }

    /**
     * Puts the core behind its proxy into {@code mode} for {@code length} under load ({@code atStart} runs as
     * the outage begins), then checks what must hold after every fault and that no burst of key fetches
     * followed the outage.
     */
    private static void coreOutage(
            Recorder recorder, FaultProxy.Mode mode, Duration length, String fault, ThrowingRunnable atStart)
            throws Exception {
        long outage = withLoad(recorder, Duration.ofSeconds(2), Duration.ofSeconds(5), () -> {
            coreProxy.mode(mode);
            atStart.run();
            pause(length);
            coreProxy.mode(FaultProxy.Mode.PASS);
        });
        assertSurvived(recorder, fault);
        assertNoKeyFetchBurst(outage);
    }

    /** What must hold after every fault, with the fault over. */
    private static void assertSurvived(Recorder recorder, String fault) throws Exception {
        String report = new LoadReport(USERS, TABS, Duration.ZERO, 0, recorder).render();
        System.out.print(fault + ":\n" + report);
        assertThat(recorder.violations()).as(report).isEmpty();
        assertThat(recorder.count("transport"))
                .as("answers that never came (hangs) during " + fault)
                .isZero();
        // every user works again without signing in
        Recorder after = new Recorder();
        for (VirtualUser user : users) {
            user.recordInto(after);
            assertThat(user.me().succeeded())
                    .as("%s after %s", user.userId(), fault)
                    .isTrue();
        }
        assertThat(after.violations()).isEmpty();
    }

    /** After an outage every key-fetching instance may fetch the JWKS about once per penalty window, no more. */
    private static void assertNoKeyFetchBurst(long outageEnded) {
        pause(JWKS_PENALTY);
        long fetches = coreProxy.count("jwks.json", outageEnded);
        assertThat(fetches)
                .as("JWKS fetches in the %s s after the outage", JWKS_PENALTY.toSeconds())
                .isLessThanOrEqualTo(KEY_FETCHING_INSTANCES * 2L);
    }

    private static List<ProcessHandle> functionJvms() {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"))
                        .orElse(false))
                .toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
