package dev.tollgate.localstack.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.http.PortInUseException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    /**
     * The configuration the flags describe, or empty when {@code --help} was asked for.
     *
     * @throws IllegalArgumentException one line naming the flag
     */
    static Optional<CoreConfig> parse(String[] args) {
        Flags flags = new Flags();
        CommandLine line = new CommandLine(flags);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (line.isUsageHelpRequested()) {
            return Optional.empty();
        }
        return Optional.of(flags.toConfig());
    }

    static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new Flags()).usage(new PrintWriter(text));
        return text.toString();
    }

    /** The flags; values stay text until {@link #toConfig()} so each error names its flag in our words. */
    @Command(
            name = "core-standin",
            sortOptions = false,
            description = "An in-memory SuperTokens core stand-in (CDI 5.4) on 127.0.0.1.",
            footer = "A port of 0 picks a free port. The stand-in reads no environment variables.")
    static final class Flags {

        @Option(names = "--host", paramLabel = "HOST", description = "127.0.0.1 or localhost (default 127.0.0.1)")
        String host;

        @Option(names = "--port", paramLabel = "N", description = "TCP port (default 0)")
        String port;

        @Option(
                names = "--api-key",
                paramLabel = "KEY",
                description = "required on every call except /hello and the JWKS (default none)")
        String apiKey;

        @Option(
                names = "--access-token-validity",
                paramLabel = "S",
                description = "access token lifetime in seconds (default 3600)")
        String accessTokenValidity;

        @Option(
                names = "--refresh-token-validity",
                paramLabel = "MIN",
                description = "session lifetime without refresh in minutes (default 144000)")
        String refreshTokenValidity;

        @Option(
                names = "--key-rotation-interval",
                paramLabel = "H|ISO",
                description = "signing key rotation: hours or an ISO-8601 duration such as PT10M (default 168)")
        String keyRotationInterval;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this text")
        boolean help;

        CoreConfig toConfig() {
            CoreConfig.Builder builder = CoreConfig.builder();
            if (host != null) {
                builder.host(host);
            }
            if (port != null) {
                builder.port(integer("--port", port));
            }
            if (apiKey != null) {
                builder.apiKey(apiKey);
            }
            if (accessTokenValidity != null) {
                builder.accessTokenValidity(
                        Duration.ofSeconds(positive("--access-token-validity", accessTokenValidity)));
            }
            if (refreshTokenValidity != null) {
                builder.refreshTokenValidity(
                        Duration.ofMinutes(positive("--refresh-token-validity", refreshTokenValidity)));
            }
            if (keyRotationInterval != null) {
                builder.keyRotationInterval(hoursOrIso("--key-rotation-interval", keyRotationInterval));
            }
            return builder.build();
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
