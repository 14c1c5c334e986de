package dev.tollgate.session.internal.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at the wall-clock time of its creation and then advances with
 * {@link System#nanoTime()}, so a wall-clock jump (NTP, a restored snapshot) never stretches or shrinks
 * an interval measured on it. For ages and penalty windows, not for comparing with token timestamps.
 */
public final class MonotonicClock extends Clock {
    private final long originMillis;
    private final long originNanos;

    public MonotonicClock() {
        this.originMillis = System.currentTimeMillis();
        this.originNanos = System.nanoTime();
    }

    @Override
    public long millis() {
        return originMillis + (System.nanoTime() - originNanos) / 1_000_000L;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a monotonic clock has no zone but UTC");
    }
}
