package dev.tollgate.localstack.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.cli.CommandLineSettings;
import dev.tollgate.localstack.cli.Setting;
import dev.tollgate.localstack.http.PortInUseException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * Serves the core stand-in alone: {@code java -jar core-standin.jar --port 3567 [--api-key K]
 * [--access-token-validity <s>] [--refresh-token-validity <min>] [--key-rotation-interval <h|ISO>]}
 * ({@code --flag value} or {@code --flag=value}; {@code --help} lists them). Prints one JSON line when
 * ready; a bad flag prints one line and exits 2.
 */
public final class CoreMain {

    private CoreMain() {}

    public static void main(String[] args) throws InterruptedException {
        CoreConfig config;
        try {
            Optional<CoreConfig> parsed = parse(args);
            if (parsed.isEmpty()) {
                System.out.print(usage());
                return;
            }
            config = parsed.get();
        } catch (IllegalArgumentException e) {
            System.err.println("core stand-in: " + e.getMessage());
            System.exit(2);
            return;
        }
        CoreStandIn core;
        try {
            core = CoreStandIn.start(config);
        } catch (PortInUseException e) {
            System.err.println(e.getMessage() + " (--port 0 picks a free port)");
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("core stand-in: " + e.getMessage());
            System.exit(1);
            return;
        }
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

    /** The flags, in the order {@code --help} lists them; the stand-in reads no environment variables. */
    private enum Flag {
        HOST("--host", "HOST", "127.0.0.1 or localhost", "127.0.0.1"),
        PORT("--port", "N", "TCP port", "0"),
        API_KEY("--api-key", "KEY", "required on every call except /hello and the JWKS", "none"),
        ACCESS_TOKEN_VALIDITY("--access-token-validity", "S", "access token lifetime in seconds", "3600"),
        REFRESH_TOKEN_VALIDITY(
                "--refresh-token-validity", "MIN", "session lifetime without refresh in minutes", "144000"),
        KEY_ROTATION_INTERVAL(
                "--key-rotation-interval",
                "H|ISO",
                "signing key rotation: hours or an ISO-8601 duration such as PT10M",
                "168");

        final Setting setting;

        Flag(String flag, String label, String description, String defaultText) {
            this.setting = new Setting(flag, label, description, null, defaultText);
        }
    }

    private static final CommandLineSettings COMMAND_LINE = new CommandLineSettings(
            "core-standin",
            "An in-memory SuperTokens core stand-in (CDI 5.4) on 127.0.0.1.",
            "A port of 0 picks a free port. The stand-in reads no environment variables.",
            false,
            Arrays.stream(Flag.values()).map(flag -> flag.setting).toList());

    /**
     * The configuration the flags describe, or empty when {@code --help} was asked for.
     *
     * @throws IllegalArgumentException one line naming the flag
     */
    static Optional<CoreConfig> parse(String[] args) {
        return COMMAND_LINE.parse(args, Map.of()).map(CoreMain::toConfig);
    }

    static String usage() {
        return COMMAND_LINE.usage();
    }

    /** The flags given, over the builder's defaults; each error names its flag in our words. */
    private static CoreConfig toConfig(CommandLineSettings.Values values) {
        CoreConfig.Builder builder = CoreConfig.builder();
        ifGiven(values, Flag.HOST, (flag, text) -> builder.host(text));
        ifGiven(values, Flag.PORT, (flag, text) -> builder.port(integer(flag, text)));
        ifGiven(values, Flag.API_KEY, (flag, text) -> builder.apiKey(text));
        ifGiven(
                values,
                Flag.ACCESS_TOKEN_VALIDITY,
                (flag, text) -> builder.accessTokenValidity(Duration.ofSeconds(positive(flag, text))));
        ifGiven(
                values,
                Flag.REFRESH_TOKEN_VALIDITY,
                (flag, text) -> builder.refreshTokenValidity(Duration.ofMinutes(positive(flag, text))));
        ifGiven(
                values,
                Flag.KEY_ROTATION_INTERVAL,
                (flag, text) -> builder.keyRotationInterval(hoursOrIso(flag, text)));
        return builder.build();
    }

    /** Applies a flag that was given to {@code apply}, with the flag's name (for errors) and its text. */
    private static void ifGiven(CommandLineSettings.Values values, Flag flag, BiConsumer<String, String> apply) {
        String text = values.text(flag.setting);
        if (text != null) {
            apply.accept(flag.setting.flag(), text);
        }
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
