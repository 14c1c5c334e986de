package dev.tollgate.localstack;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads {@link LocalCloudOptions} from command-line flags over environment variables over the demo's
 * defaults. picocli owns the grammar ({@code --flag value}, {@code --flag=value}, {@code --help}); the
 * values stay text until here, so every bad value is an {@link IllegalArgumentException} naming the flag or
 * the variable it came from.
 */
final class LocalCloudArguments {

    private LocalCloudArguments() {}

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The flags as picocli sees them: text, null when not given (then the variable or the default applies). */
    @Command(
            name = "tollgate-local",
            sortOptions = false,
            description = "Starts the whole Tollgate stack on this machine (no Docker).",
            footer = "A port of 0 picks a free port. An empty variable counts as unset.")
    static final class Flags {
        @Option(names = "--web-port", paramLabel = "N", description = "demo web site (TOLLGATE_WEB_PORT, default 3000)")
        String webPort;

        @Option(
                names = "--api-port",
                paramLabel = "N",
                description = "API gateway, stage /dev (TOLLGATE_API_PORT, default 4000)")
        String apiPort;

        @Option(
                names = "--appsync-port",
                paramLabel = "N",
                description = "AppSync emulator (TOLLGATE_APPSYNC_PORT, default 4001)")
        String appsyncPort;

        @Option(
                names = "--mailbox-port",
                paramLabel = "N",
                description = "dev mailbox (TOLLGATE_MAILBOX_PORT, default 4002)")
        String mailboxPort;

        @Option(
                names = "--core-port",
                paramLabel = "N",
                description = "SuperTokens core stand-in (TOLLGATE_CORE_PORT, default 3567)")
        String corePort;

        @Option(
                names = "--dynamodb-port",
                paramLabel = "N",
                description = "DynamoDB emulator (TOLLGATE_DYNAMODB_PORT, default 8000)")
        String dynamodbPort;

        @Option(
                names = "--access-token-validity",
                paramLabel = "S",
                description =
                        "access token lifetime in seconds, stand-in core only (TOLLGATE_ACCESS_TOKEN_VALIDITY, default 60)")
        String accessTokenValidity;

        @Option(
                names = "--core-uri",
                paramLabel = "URL",
                description = "use this SuperTokens core instead of the stand-in (SUPERTOKENS_CONNECTION_URI)")
        String coreUri;

        @Option(names = "--core-api-key", paramLabel = "KEY", description = "that core's API key (SUPERTOKENS_API_KEY)")
        String coreApiKey;

        @Option(
                names = "--prewarm",
                paramLabel = "true|false",
                description = "start each function before reporting ready (TOLLGATE_PREWARM, default true)")
        String prewarm;

        @Option(
                names = "--repo-root",
                paramLabel = "DIR",
                description = "the Tollgate checkout (TOLLGATE_REPO_ROOT, default .)")
        String repoRoot;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this text")
        boolean help;
    }

    /** The {@code --help} text: every flag, its variable and its default. */
    static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new Flags()).usage(new PrintWriter(text));
        return text.toString();
    }

    static LocalCloudOptions parse(String[] args, Map<String, String> env) throws HelpRequested {
        // the last of a repeated flag wins: tollgate-local passes --repo-root before the user's flags
        CommandLine line = new CommandLine(new Flags()).setOverwrittenOptionsAllowed(true);
        CommandLine.ParseResult result;
        try {
            result = line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see --help)");
        }
        if (line.isUsageHelpRequested()) {
            throw new HelpRequested();
        }
        Map<String, String> values = new HashMap<>();
        for (CommandLine.Model.OptionSpec option : result.matchedOptions()) {
            values.put(option.longestName(), option.getValue());
        }
        Path root = Path.of(setting(values, env, "--repo-root", "."));
        LocalCloudOptions.Builder builder = LocalCloudOptions.builder(root)
                .webPort(port(values, env, "--web-port", LocalCloudOptions.DEFAULT_WEB_PORT))
                .apiPort(port(values, env, "--api-port", LocalCloudOptions.DEFAULT_API_PORT))
                .appsyncPort(port(values, env, "--appsync-port", LocalCloudOptions.DEFAULT_APPSYNC_PORT))
                .mailboxPort(port(values, env, "--mailbox-port", LocalCloudOptions.DEFAULT_MAILBOX_PORT))
                .corePort(port(values, env, "--core-port", LocalCloudOptions.DEFAULT_CORE_PORT))
                .dynamodbPort(port(values, env, "--dynamodb-port", LocalCloudOptions.DEFAULT_DYNAMODB_PORT))
                .accessTokenValidity(Duration.ofSeconds(integer(
                        values,
                        env,
                        "--access-token-validity",
                        (int) LocalCloudOptions.DEFAULT_ACCESS_TOKEN_VALIDITY.toSeconds(),
                        1,
                        31_536_000)));
        String core = setting(values, env, "--core-uri", null);
        if (core != null && !core.isBlank()) {
            builder.coreUri(coreUri(source(values, "--core-uri"), core.trim()));
        }
        builder.coreApiKey(setting(values, env, "--core-api-key", null));
        String prewarm = setting(values, env, "--prewarm", "true").trim();
        if (!prewarm.equals("true") && !prewarm.equals("false")) {
            throw new IllegalArgumentException(
                    source(values, "--prewarm") + " must be true or false, was '" + prewarm + "'");
        }
        builder.prewarm(Boolean.parseBoolean(prewarm));
        return builder.build();
    }

    private static final Map<String, String> FLAG_TO_ENV = Map.ofEntries(
            Map.entry("--web-port", "TOLLGATE_WEB_PORT"),
            Map.entry("--api-port", "TOLLGATE_API_PORT"),
            Map.entry("--appsync-port", "TOLLGATE_APPSYNC_PORT"),
            Map.entry("--mailbox-port", "TOLLGATE_MAILBOX_PORT"),
            Map.entry("--core-port", "TOLLGATE_CORE_PORT"),
            Map.entry("--dynamodb-port", "TOLLGATE_DYNAMODB_PORT"),
            Map.entry("--access-token-validity", "TOLLGATE_ACCESS_TOKEN_VALIDITY"),
            Map.entry("--core-uri", "SUPERTOKENS_CONNECTION_URI"),
            Map.entry("--core-api-key", "SUPERTOKENS_API_KEY"),
            Map.entry("--repo-root", "TOLLGATE_REPO_ROOT"),
            Map.entry("--prewarm", "TOLLGATE_PREWARM"));

    private static String setting(Map<String, String> values, Map<String, String> env, String flag, String fallback) {
        if (values.containsKey(flag)) {
            return values.get(flag);
        }
        String fromEnv = env.get(FLAG_TO_ENV.get(flag));
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    private static String source(Map<String, String> values, String flag) {
        return values.containsKey(flag) ? flag : FLAG_TO_ENV.get(flag);
    }

    private static int port(Map<String, String> values, Map<String, String> env, String flag, int fallback) {
        return integer(values, env, flag, fallback, 0, 65535);
    }

    private static int integer(
            Map<String, String> values, Map<String, String> env, String flag, int fallback, int min, int max) {
        String text = setting(values, env, flag, null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source(values, flag) + " must be a whole number from " + min + " to "
                    + max + ", was '" + text + "'");
        }
    }

    private static URI coreUri(String source, String text) {
        if (text.contains(",")) {
            throw new IllegalArgumentException(source + ": the local cloud uses one core; give a single URL");
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " must be an http(s) URL, was '" + text + "'");
        }
    }
}
