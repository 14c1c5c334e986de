package dev.tollgate.localstack.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the core stand-in alone:
 * {@code java -cp localstack.jar dev.tollgate.localstack.core.CoreMain --port 3567 [--api-key K]
 * [--access-token-validity <s>] [--refresh-token-validity <min>] [--key-rotation-interval <h|ISO>]}.
 * Prints one JSON line when ready; a bad flag prints one line and exits 2.
 */
public final class CoreMain {

    private CoreMain() {}

    public static void main(String[] args) throws InterruptedException {
        CoreConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("core stand-in: " + e.getMessage());
            System.exit(2);
            return;
        }
        CoreStandIn core = CoreStandIn.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            core.close();
                            stopped.countDown();
                        },
                        "core-stand-in-shutdown"));
        announce(System.out, core);
        stopped.await();
    }

    static CoreConfig parse(String[] args) {
        CoreConfig.Builder builder = CoreConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> builder.port(integer(flag, value));
                case "--host" -> builder.host(value);
                case "--api-key" -> builder.apiKey(value);
                case "--access-token-validity" ->
                    builder.accessTokenValidity(Duration.ofSeconds(positive(flag, value)));
                case "--refresh-token-validity" ->
                    builder.refreshTokenValidity(Duration.ofMinutes(positive(flag, value)));
                case "--key-rotation-interval" -> builder.keyRotationInterval(hoursOrIso(flag, value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return builder.build();
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static long positive(String flag, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
        if (parsed <= 0) {
            throw new IllegalArgumentException(flag + " must be positive, got " + parsed);
        }
        return parsed;
    }

    /** A number of hours (as the core's config) or an ISO-8601 duration such as {@code PT10M}. */
    private static Duration hoursOrIso(String flag, String value) {
        if (value.matches("[0-9]{1,6}")) {
            return Duration.ofHours(positive(flag, value));
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " needs hours or an ISO-8601 duration, got '" + value + "'");
        }
    }

    static void announce(PrintStream out, CoreStandIn core) {
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("event", "ready");
        line.put("component", "core-stand-in");
        line.put("uri", core.uri().toString());
        line.put("port", core.port());
        out.println(line);
        out.flush();
    }
}
