package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NonBlockingLineStreamTest {

    @Test
    void awaitDrainedReturnsOnceEveryQueuedLineIsWritten() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream slow = pausingBeforeEachLine(written, () -> sleep(Duration.ofMillis(40)));
        NonBlockingLineStream stream = new NonBlockingLineStream(slow, 100, "test-drain");
        PrintStream out = new PrintStream(stream, true, StandardCharsets.UTF_8);

        out.println("first");
        out.println("tollgate-local: the last words");

        assertThat(stream.awaitDrained(Duration.ofSeconds(10))).isTrue();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("first\ntollgate-local: the last words\n");
    }

    @Test
    void awaitDrainedGivesUpAfterItsTimeoutWhenTheReaderIsGone() {
        CountDownLatch never = new CountDownLatch(1);
        OutputStream stuck = pausingBeforeEachLine(new ByteArrayOutputStream(), () -> awaitQuietly(never));
        NonBlockingLineStream stream = new NonBlockingLineStream(stuck, 100, "test-stuck");
        new PrintStream(stream, true, StandardCharsets.UTF_8).println("nobody reads this");

        long start = System.nanoTime();
        assertThat(stream.awaitDrained(Duration.ofMillis(200))).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
    }

    @Test
    void anIdleStreamIsDrainedAtOnce() {
        NonBlockingLineStream stream = new NonBlockingLineStream(OutputStream.nullOutputStream(), 10, "test-idle");
        assertThat(stream.awaitDrained(Duration.ZERO)).isTrue();
    }

    @Test
    void linesBeyondTheBacklogAreDroppedAndCountedWithoutBlockingTheWriter() {
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream gated = pausingBeforeEachLine(written, () -> awaitQuietly(release));
        NonBlockingLineStream stream = new NonBlockingLineStream(gated, 2, "test-gated");
        PrintStream out = new PrintStream(stream, true, StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            out.println("line " + i);
        }
        assertThat(stream.dropped()).isGreaterThanOrEqualTo(17);

        release.countDown();
        assertThat(stream.awaitDrained(Duration.ofSeconds(10))).isTrue();
        out.println("after");
        assertThat(stream.awaitDrained(Duration.ofSeconds(10))).isTrue();
        assertThat(written.toString(StandardCharsets.UTF_8))
                .contains("\"event\":\"log-lines-dropped\"")
                .endsWith("after\n");
    }

    /** A target that runs {@code pause} before it takes each line (the drain thread writes whole lines). */
    private static OutputStream pausingBeforeEachLine(ByteArrayOutputStream written, Runnable pause) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int count) {
                pause.run();
                written.write(bytes, offset, count);
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
