package dev.tollgate.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Drives virtual users against a running stack: sign them up, make two tabs of each refresh at the same
 * moment, then let every tab loop over the call mix for a fixed time. Traffic goes only where the given
 * stage URL points (the local cloud binds loopback).
 */
public final class LoadRun {

    private final HttpClient http;
    private final URI stage;
    private final URI web;
    private final Recorder recorder;
    private final Duration thinkTime;

    public LoadRun(URI stage, URI web, Recorder recorder) {
        this(stage, web, recorder, Duration.ZERO);
    }

    /** @param thinkTime pause of each tab between two calls, as a person reading the page makes */
    public LoadRun(URI stage, URI web, Recorder recorder, Duration thinkTime) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.stage = stage;
        this.web = web;
        this.recorder = recorder;
        this.thinkTime = thinkTime;
    }

    public Recorder recorder() {
        return recorder;
    }

    /**
     * Signs up {@code count} new users, one after the other (as users arrive; the load comes after), and
     * returns those that could sign up. A user that could not is a violation.
     */
    public List<VirtualUser> signUp(int count, String runId) {
        List<VirtualUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            VirtualUser user = new VirtualUser(http, stage, web, recorder, "load-" + runId + "-" + i + "@example.com");
            if (user.signUp()) {
                users.add(user);
            } else {
                recorder.violation("sign-up failed for user " + i);
            }
        }
        return users;
    }

    /**
     * Two tabs of every user want a new access token at the same instant, as two tabs waking up together
     * do; the SDK's cross-tab lock lets one refresh and the other use its result.
     */
    public void twoTabsRefreshAtOnce(List<VirtualUser> users) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (VirtualUser user : users) {
            user.recordInto(recorder);
            String seen = user.currentAccessToken();
            for (int tab = 0; tab < 2; tab++) {
                Thread thread = new Thread(
                        () -> {
                            awaitQuietly(go);
                            user.refreshFromTab(seen);
                        },
                        "tab-refresh");
                thread.start();
                threads.add(thread);
            }
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Every user's {@code tabs} tabs loop over the call mix until this thread is interrupted. */
    public void mixUntilInterrupted(List<VirtualUser> users, int tabs) throws InterruptedException {
        List<Thread> threads = start(users, tabs, Long.MAX_VALUE);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException stop) {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /**
     * Every user's {@code tabs} tabs loop over the call mix until {@code duration} has passed.
     *
     * @return the wall-clock time the run took
     */
    public Duration mix(List<VirtualUser> users, int tabs, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = start(users, tabs, start + duration.toNanos());
        for (Thread thread : threads) {
            thread.join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<Thread> start(List<VirtualUser> users, int tabs, long deadline) {
        List<Thread> threads = new ArrayList<>();
        long seed = 7;
        for (VirtualUser user : users) {
            user.recordInto(recorder);
            for (int tab = 0; tab < tabs; tab++) {
                Random random = new Random(seed++);
                Thread thread = new Thread(
                        () -> {
                            while (System.nanoTime() < deadline
                                    && !Thread.currentThread().isInterrupted()) {
                                user.step(random);
                                think();
                            }
                        },
                        "virtual-user-tab");
                thread.start();
                threads.add(thread);
            }
        }
        return threads;
    }

    /** Lists every user's notes once more; an acknowledged note that is missing is a violation. */
    public long checkNothingLost(List<VirtualUser> users) throws InterruptedException {
        return checkNothingLostInto(users, recorder);
    }

    /** The same, recording into {@code recorder}. */
    public long checkNothingLostInto(List<VirtualUser> users, Recorder recorder) throws InterruptedException {
        long[] acknowledged = new long[1];
        users.forEach(user -> user.recordInto(recorder));
        forEachInParallel(users, user -> {
            var lost = user.lostNotes();
            if (lost == null) {
                recorder.violation(user.userId() + ": the final notes list failed");
            } else if (!lost.isEmpty()) {
                recorder.violation(user.userId() + ": acknowledged notes lost: " + lost);
            }
            synchronized (acknowledged) {
                acknowledged[0] += user.acknowledgedNotes();
            }
        });
        return acknowledged[0];
    }

    private static void forEachInParallel(List<VirtualUser> users, Consumer<VirtualUser> action)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (VirtualUser user : users) {
            Thread thread = new Thread(() -> action.accept(user), "virtual-user");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void think() {
        if (thinkTime.isZero()) {
            return;
        }
        try {
            Thread.sleep(thinkTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
