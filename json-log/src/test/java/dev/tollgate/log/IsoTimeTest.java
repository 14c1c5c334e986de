package dev.tollgate.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoTime} against its specification, {@link Instant#toString()}. */
class IsoTimeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-05T11:21:03Z",
                "2026-12-05T11:21:03.100Z",
                "2026-12-05T11:21:03.000100Z",
                "2026-12-05T11:21:03.000000001Z",
                "2026-12-05T11:21:03.725893971Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T23:59:59.999Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z"
            })
    void writesWhatInstantToStringWrites(String text) {
        Instant instant = Instant.parse(text);
        assertThat(IsoTime.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }

    @Test
    void agreesWithInstantToStringOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoTime.format(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }
}
