package dev.tollgate.localstack;

import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_ACCESS_TOKEN_VALIDITY;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_API_PORT;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_APPSYNC_PORT;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_CORE_PORT;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_DYNAMODB_PORT;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_MAILBOX_PORT;
import static dev.tollgate.localstack.LocalCloudOptions.DEFAULT_WEB_PORT;

import dev.tollgate.localstack.cli.CommandLineSettings;
import dev.tollgate.localstack.cli.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

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

    /**
     * Every flag once, in the order {@code --help} lists them: its value's label, what it sets, its variable
     * and its default, which {@link #text} applies and {@code --help} shows.
     */
    private enum Flag {
        WEB_PORT("--web-port", "N", "demo web site", "TOLLGATE_WEB_PORT", DEFAULT_WEB_PORT),
        API_PORT("--api-port", "N", "API gateway, stage /dev", "TOLLGATE_API_PORT", DEFAULT_API_PORT),
        APPSYNC_PORT("--appsync-port", "N", "AppSync emulator", "TOLLGATE_APPSYNC_PORT", DEFAULT_APPSYNC_PORT),
        MAILBOX_PORT("--mailbox-port", "N", "dev mailbox", "TOLLGATE_MAILBOX_PORT", DEFAULT_MAILBOX_PORT),
        CORE_PORT("--core-port", "N", "SuperTokens core stand-in", "TOLLGATE_CORE_PORT", DEFAULT_CORE_PORT),
        DYNAMODB_PORT("--dynamodb-port", "N", "DynamoDB emulator", "TOLLGATE_DYNAMODB_PORT", DEFAULT_DYNAMODB_PORT),
        ACCESS_TOKEN_VALIDITY(
                "--access-token-validity",
                "S",
                "access token lifetime in seconds, stand-in core only",
                "TOLLGATE_ACCESS_TOKEN_VALIDITY",
                DEFAULT_ACCESS_TOKEN_VALIDITY.toSeconds()),
        CORE_URI(
                "--core-uri", "URL", "use this SuperTokens core instead of the stand-in", "SUPERTOKENS_CONNECTION_URI"),
        CORE_API_KEY("--core-api-key", "KEY", "that core's API key", "SUPERTOKENS_API_KEY"),
        PREWARM("--prewarm", "true|false", "start each function before reporting ready", "TOLLGATE_PREWARM", true),
        REPO_ROOT("--repo-root", "DIR", "the Tollgate checkout", "TOLLGATE_REPO_ROOT", ".");

        final Setting setting;

        /** A setting without a default: unset unless given. */
        Flag(String flag, String label, String description, String variable) {
            this.setting = new Setting(flag, label, description, variable, null);
        }

        Flag(String flag, String label, String description, String variable, Object defaultValue) {
            this.setting = new Setting(flag, label, description, variable, String.valueOf(defaultValue));
        }
    }

    // the last of a repeated flag wins: tollgate-local passes --repo-root before the user's flags
    private static final CommandLineSettings COMMAND_LINE = new CommandLineSettings(
            "tollgate-local",
            "Starts the whole Tollgate stack on this machine (no Docker).",
            "A port of 0 picks a free port. An empty variable counts as unset.",
            true,
            Arrays.stream(Flag.values()).map(flag -> flag.setting).toList());

    /** The {@code --help} text: every flag, its variable and its default. */
    static String usage() {
        return COMMAND_LINE.usage();
    }

    static LocalCloudOptions parse(String[] args, Map<String, String> env) throws HelpRequested {
        CommandLineSettings.Values values;
        try {
            values = COMMAND_LINE.parse(args, env).orElseThrow(HelpRequested::new);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see --help)");
        }
        Path root = Path.of(text(values, Flag.REPO_ROOT));
        LocalCloudOptions.Builder builder = LocalCloudOptions.builder(root)
                .webPort(port(values, Flag.WEB_PORT))
                .apiPort(port(values, Flag.API_PORT))
                .appsyncPort(port(values, Flag.APPSYNC_PORT))
                .mailboxPort(port(values, Flag.MAILBOX_PORT))
                .corePort(port(values, Flag.CORE_PORT))
                .dynamodbPort(port(values, Flag.DYNAMODB_PORT))
                .accessTokenValidity(Duration.ofSeconds(integer(values, Flag.ACCESS_TOKEN_VALIDITY, 1, 31_536_000)));
        String core = text(values, Flag.CORE_URI);
        if (core != null && !core.isBlank()) {
            builder.coreUri(coreUri(values.source(Flag.CORE_URI.setting), core.trim()));
        }
        builder.coreApiKey(text(values, Flag.CORE_API_KEY));
        String prewarm = text(values, Flag.PREWARM).trim();
        if (!prewarm.equals("true") && !prewarm.equals("false")) {
            throw new IllegalArgumentException(
                    values.source(Flag.PREWARM.setting) + " must be true or false, was '" + prewarm + "'");
        }
        builder.prewarm(Boolean.parseBoolean(prewarm));
        return builder.build();
    }

    /** The flag's value, else its variable's, else its default ({@code null} for a flag without one). */
    private static String text(CommandLineSettings.Values values, Flag flag) {
        String text = values.text(flag.setting);
        return text != null ? text : flag.setting.defaultText();
    }

    private static int port(CommandLineSettings.Values values, Flag flag) {
        return integer(values, flag, 0, 65535);
    }

    private static int integer(CommandLineSettings.Values values, Flag flag, int min, int max) {
        String text = text(values, flag);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(values.source(flag.setting) + " must be a whole number from " + min
                    + " to " + max + ", was '" + text + "'");
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
