package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testkit.CdiCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tabs (here: many threads) refreshing one session at once must not log the user out: with lazy
 * rotation every refresh with the current parent succeeds, and the first use of any one child
 * promotes it exactly once.
 */
class ConcurrentRefreshTest {

    private static final int THREADS = 24;

    @AutoClose
    private final StandIn standIn = StandIn.start();

    private final CdiCalls calls = standIn.calls();
    private ExecutorService pool;

    @BeforeEach
    void start() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private <T> List<T> allAtOnce(Callable<T> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    @Test
    void manyThreadsRefreshingTheSameTokenAllSucceed() throws Exception {
        JsonNode created = calls.createSession("tabs", CdiCalls.MAPPER.createObjectNode(), false);
        String rt0 = created.get("refreshToken").get("token").asText();

        List<JsonNode> replies = allAtOnce(() -> calls.refresh(rt0));

        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply.get("status").asText()).isEqualTo("OK"));
        assertThat(replies.stream()
                        .map(r -> r.get("refreshToken").get("token").asText())
                        .distinct())
                .hasSize(THREADS);
        String survivor =
                replies.get(THREADS / 2).get("refreshToken").get("token").asText();
        assertThat(calls.refresh(survivor).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void manyThreadsRefreshingWithTheSameChildPromoteItOnceAndAllSucceed() throws Exception {
        JsonNode created = calls.createSession("tabs", CdiCalls.MAPPER.createObjectNode(), false);
        String rt1 = calls.refresh(created.get("refreshToken").get("token").asText())
                .get("refreshToken")
                .get("token")
                .asText();

        List<JsonNode> replies = allAtOnce(() -> calls.refresh(rt1));

        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply.get("status").asText()).isEqualTo("OK"));
        assertThat(calls.refresh(created.get("refreshToken").get("token").asText())
                        .get("status")
                        .asText())
                .isEqualTo("TOKEN_THEFT_DETECTED");
    }

    @Test
    void manyThreadsVerifyingTheFirstTokenAfterARefreshAllGetANewToken() throws Exception {
        JsonNode created = calls.createSession("tabs", CdiCalls.MAPPER.createObjectNode(), false);
        JsonNode refreshed =
                calls.refresh(created.get("refreshToken").get("token").asText());
        String at1 = refreshed.get("accessToken").get("token").asText();

        List<JsonNode> replies = allAtOnce(() -> calls.verify(at1, true));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.get("status").asText()).isEqualTo("OK");
            assertThat(reply.has("accessToken")).isTrue();
        });
        assertThat(calls.refresh(refreshed.get("refreshToken").get("token").asText())
                        .get("status")
                        .asText())
                .isEqualTo("OK");
    }

    /**
     * The sequence once seen under load: two tabs use the access token of a just-made refresh at the
     * same instant while a third request refreshes with the same child. Whatever order the core sees
     * them in, every call answers OK, and the tokens the browser keeps last (the refresh's) go on
     * working: used, then refreshed, never read as theft.
     */
    @Test
    void twoUsesOfAFreshTokenRacingARefreshWithItsChildNeverReadAsTheft() throws Exception {
        for (int round = 0; round < 100; round++) {
            JsonNode created = calls.createSession("race-" + round, CdiCalls.MAPPER.createObjectNode(), false);
            JsonNode first =
                    calls.refresh(created.get("refreshToken").get("token").asText());
            String at1 = first.get("accessToken").get("token").asText();
            String rt1 = first.get("refreshToken").get("token").asText();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> uses = new ArrayList<>();
            for (int tab = 0; tab < 2; tab++) {
                uses.add(pool.submit(() -> {
                    go.await();
                    return calls.verify(at1, true);
                }));
            }
            Future<JsonNode> refresh = pool.submit(() -> {
                go.await();
                return calls.refresh(rt1);
            });
            go.countDown();

            for (Future<JsonNode> use : uses) {
                assertThat(use.get().get("status").asText())
                        .as("round %d", round)
                        .isEqualTo("OK");
            }
            JsonNode second = refresh.get();
            assertThat(second.get("status").asText()).as("round %d", round).isEqualTo("OK");
            String at2 = second.get("accessToken").get("token").asText();
            String rt2 = second.get("refreshToken").get("token").asText();
            assertThat(calls.verify(at2, true).get("status").asText()).isEqualTo("OK");
            assertThat(calls.refresh(rt2).get("status").asText())
                    .as("round %d", round)
                    .isEqualTo("OK");
        }
    }

    @Test
    void refreshesOfDifferentSessionsDoNotInterfere() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tokens.add(calls.createSession("user-" + i, CdiCalls.MAPPER.createObjectNode(), false)
                    .get("refreshToken")
                    .get("token")
                    .asText());
        }
        AtomicInteger next = new AtomicInteger();

        List<String> statuses = allAtOnce(() -> {
            String rt = tokens.get(next.getAndIncrement());
            String child = calls.refresh(rt).get("refreshToken").get("token").asText();
            return calls.refresh(child).get("status").asText() + "/"
                    + calls.refresh(rt).get("status").asText();
        });

        assertThat(statuses).containsOnly("OK/TOKEN_THEFT_DETECTED");
    }

    @Test
    void onceRemovedNoConcurrentRefreshSucceeds() throws Exception {
        JsonNode created = calls.createSession("tabs", CdiCalls.MAPPER.createObjectNode(), false);
        String rt0 = created.get("refreshToken").get("token").asText();
        String handle = created.get("session").get("handle").asText();
        AtomicBoolean removed = new AtomicBoolean();
        AtomicInteger ticket = new AtomicInteger();

        List<String> lateSuccesses = allAtOnce(() -> {
            if (ticket.getAndIncrement() == THREADS / 2) {
                calls.postJson("/recipe/session/remove", Map.of("sessionHandles", List.of(handle)));
                removed.set(true);
                return "";
            }
            StringBuilder late = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                boolean removedBefore = removed.get();
                String status = calls.refresh(rt0).get("status").asText();
                if (removedBefore && status.equals("OK")) {
                    late.append("refresh succeeded after removal;");
                }
            }
            return late.toString();
        });

        assertThat(String.join("", lateSuccesses)).isEmpty();
        assertThat(calls.refresh(rt0).get("status").asText()).isEqualTo("UNAUTHORISED");
    }
}
