package dev.tollgate.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reads {@link LocalCloudOptions} from command-line flags over environment variables over the demo's
 * defaults. Every bad value is an {@link IllegalArgumentException} naming the flag or variable.
 */
final class LocalCloudArguments {

    static final String USAGE = """
            usage: tollgate-local [options]
              --web-port N                demo web site            (TOLLGATE_WEB_PORT, default 3000)
              --api-port N                API gateway, stage /dev  (TOLLGATE_API_PORT, default 4000)
              --appsync-port N            AppSync emulator         (TOLLGATE_APPSYNC_PORT, default 4001)
              --mailbox-port N            dev mailbox              (TOLLGATE_MAILBOX_PORT, default 4002)
              --core-port N               SuperTokens core stand-in (TOLLGATE_CORE_PORT, default 3567)
              --dynamodb-port N           DynamoDB emulator        (TOLLGATE_DYNAMODB_PORT, default 8000)
              --access-token-validity S   access token lifetime in seconds, stand-in core only
                                          (TOLLGATE_ACCESS_TOKEN_VALIDITY, default 60)
              --core-uri URL              use this SuperTokens core instead of the stand-in
                                          (SUPERTOKENS_CONNECTION_URI)
              --core-api-key KEY          that core's API key (SUPERTOKENS_API_KEY)
              --prewarm true|false        start each function before reporting ready
                                          (TOLLGATE_PREWARM, default true)
              --repo-root DIR             the Tollgate checkout (TOLLGATE_REPO_ROOT, default .)
              --help                      this text
            A port of 0 picks a free port.""";

    private LocalCloudArguments() {}

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static LocalCloudOptions parse(String[] args, Map<String, String> env) throws HelpRequested {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            String name;
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                name = flag.substring(0, eq);
                value = flag.substring(eq + 1);
            } else {
                name = flag;
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            if (!FLAG_TO_ENV.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            }
            values.put(name, value);
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
