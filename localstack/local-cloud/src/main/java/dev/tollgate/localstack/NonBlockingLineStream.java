package dev.tollgate.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A log stream that never makes its writer wait: complete lines go into a bounded queue that one daemon
 * thread drains to the real stream. When the reader of that stream is slow or gone (a pipe nobody reads
 * fills after 64 KB), the queue fills and further lines are dropped and counted instead of blocking the
 * request that logs them; once the stream drains again a {@code log-lines-dropped} line says how many went.
 * Without this, one harness that stops reading the local cloud's output stalls every gateway thread.
 */
public final class NonBlockingLineStream extends OutputStream {

    /** Longer lines are cut into pieces of this size, so one line cannot grow without bound. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final OutputStream target;
    private final BlockingQueue<byte[]> lines;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private byte[] pending = new byte[256];
    private int length;

    /**
     * @param target   where lines are written, by the drain thread only
     * @param capacity lines held while the target does not take them
     * @param name     the drain thread's name
     */
    public NonBlockingLineStream(OutputStream target, int capacity, String name) {
        this.target = target;
        this.lines = new ArrayBlockingQueue<>(capacity);
        Thread drain = new Thread(this::drain, name);
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Waits, at most {@code timeout}, until every line queued before this call has reached the target. The
     * last words of a process that is about to exit (why it could not start, that it stopped) would
     * otherwise die in the queue with the daemon thread.
     *
     * @return whether they all did
     */
    public boolean awaitDrained(Duration timeout) {
        long upTo = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.get() < upTo) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        return true;
    }

    /** Lines dropped so far because the target did not keep up. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
            return;
        }
        if (length == pending.length) {
            if (length >= MAX_LINE_BYTES) {
                endLine();
            } else {
                pending = Arrays.copyOf(pending, Math.min(pending.length * 2, MAX_LINE_BYTES));
            }
        }
        pending[length++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            write(bytes[i]);
        }
    }

    private void endLine() {
        byte[] line = Arrays.copyOf(pending, length + 1);
        line[length] = '\n';
        length = 0;
        if (lines.offer(line)) {
            queued.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        long reported = 0;
        while (true) {
            byte[] line;
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                target.write(line);
                long lost = dropped.get();
                if (lost > reported && lines.isEmpty()) {
                    target.write(droppedLine(lost - reported));
                    reported = lost;
                }
                if (lines.isEmpty()) {
                    target.flush();
                }
            } catch (IOException e) {
                // the target is closed: keep taking lines so that writers still never wait
                dropped.incrementAndGet();
            } finally {
                handled.incrementAndGet();
            }
        }
    }

    private static byte[] droppedLine(long count) {
        return ("{\"time\":\"" + Instant.now() + "\",\"level\":\"WARN\",\"component\":\"local-cloud\","
                        + "\"event\":\"log-lines-dropped\",\"count\":" + count + "}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
