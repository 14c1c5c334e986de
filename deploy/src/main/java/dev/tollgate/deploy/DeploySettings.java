package dev.tollgate.deploy;

import dev.tollgate.stack.StackFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything one deployer run needs, parsed once from the command line (with environment fallbacks).
 *
 * @param action          deploy or destroy
 * @param target          where to: LocalStack (endpoint override, test credentials) or AWS (default chain)
 * @param endpoint        the LocalStack edge endpoint; empty for AWS
 * @param region          AWS region
 * @param prefix          prefix of every resource name, so several stacks can share an account
 * @param stage           API Gateway stage name (also the functions' API_GATEWAY_PATH)
 * @param lambdaRuntime   Lambda runtime identifier for the three Java functions
 * @param coreUri         SuperTokens core URL(s) the functions use (comma-separated)
 * @param coreApiKey      SuperTokens core API key, may be empty
 * @param repoRoot        repository root: where the jars, openapi.yaml, the AppSync files and the site are
 */
public record DeploySettings(
        Action action,
        Target target,
        Optional<URI> endpoint,
        String region,
        String prefix,
        String stage,
        String lambdaRuntime,
        String coreUri,
        String coreApiKey,
        String emailFrom,
        Path repoRoot) {

    public enum Action {
        DEPLOY,
        DESTROY
    }

    public enum Target {
        LOCALSTACK,
        AWS
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,20}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final String DEFAULT_LOCALSTACK_ENDPOINT = "http://localhost:4566";

    public DeploySettings {
        if (!NAME.matcher(prefix).matches()) {
            throw new DeployException(
                    "--prefix must be 2-21 characters of a-z, 0-9 and '-', starting with a letter: " + prefix);
        }
        if (!STAGE.matcher(stage).matches()) {
            throw new DeployException("--stage must be 1-64 characters of A-Z, a-z, 0-9 and '_': " + stage);
        }
        if (!REGION.matcher(region).matches()) {
            throw new DeployException("--region is not an AWS region name: " + region);
        }
        if (target == Target.LOCALSTACK && endpoint.isEmpty()) {
            throw new DeployException("--target localstack needs an --endpoint");
        }
        if (coreUri.isBlank()) {
            throw new DeployException(
                    "--supertokens-uri (or SUPERTOKENS_CONNECTION_URI) is required: the functions need a SuperTokens core");
        }
        if (!emailFrom.isEmpty() && !EMAIL.matcher(emailFrom).matches()) {
            throw new DeployException("--email-from must be an email address: " + emailFrom);
        }
        for (String uri : coreUri.split(",")) {
            URI parsed = parseUri("--supertokens-uri", uri.trim());
            if (parsed.getHost() == null) {
                throw new DeployException("--supertokens-uri must be absolute http(s) URLs: " + uri.trim());
            }
        }
    }

    /** Parses {@code deploy|destroy [--flag value]...}; environment variables fill what flags leave out. */
    public static DeploySettings parse(List<String> args, Map<String, String> env) {
        Deque<String> rest = new ArrayDeque<>(args);
        if (rest.isEmpty()) {
            throw new DeployException(usage());
        }
        Action action = switch (rest.pop()) {
            case "deploy" -> Action.DEPLOY;
            case "destroy" -> Action.DESTROY;
            default -> throw new DeployException(usage());
        };
        Map<String, String> flags = new java.util.HashMap<>();
        while (!rest.isEmpty()) {
            String flag = rest.pop();
            if (!flag.startsWith("--") || rest.isEmpty()) {
                throw new DeployException("expected --flag value, got '" + flag + "'\n" + usage());
            }
            if (!KNOWN_FLAGS.contains(flag)) {
                throw new DeployException("unknown flag " + flag + "\n" + usage());
            }
            flags.put(flag, rest.pop());
        }
        Target target = switch (flags.getOrDefault("--target", "localstack").toLowerCase(Locale.ROOT)) {
            case "localstack" -> Target.LOCALSTACK;
            case "aws" -> Target.AWS;
            default -> throw new DeployException("--target must be localstack or aws");
        };
        Optional<URI> endpoint = target == Target.AWS
                ? Optional.ofNullable(flags.get("--endpoint")).map(e -> parseUri("--endpoint", e))
                : Optional.of(parseUri(
                        "--endpoint",
                        flags.getOrDefault(
                                "--endpoint", env.getOrDefault("LOCALSTACK_ENDPOINT", DEFAULT_LOCALSTACK_ENDPOINT))));
        String region = flags.getOrDefault("--region", env.getOrDefault("AWS_REGION", "us-east-1"));
        Path repoRoot =
                Path.of(flags.getOrDefault("--repo-root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(repoRoot.resolve(StackFiles.OPENAPI))) {
            throw new DeployException(
                    "--repo-root " + repoRoot + " is not a Tollgate checkout (no " + StackFiles.OPENAPI + ")");
        }
        return new DeploySettings(
                action,
                target,
                endpoint,
                region,
                flags.getOrDefault("--prefix", "tollgate"),
                flags.getOrDefault("--stage", "dev"),
                flags.getOrDefault("--runtime", "java21"),
                flags.getOrDefault("--supertokens-uri", env.getOrDefault("SUPERTOKENS_CONNECTION_URI", "")),
                flags.getOrDefault("--supertokens-api-key", env.getOrDefault("SUPERTOKENS_API_KEY", "")),
                flags.getOrDefault("--email-from", env.getOrDefault("EMAIL_FROM", "")),
                repoRoot);
    }

    private static final List<String> KNOWN_FLAGS = List.of(
            "--target",
            "--endpoint",
            "--region",
            "--prefix",
            "--stage",
            "--runtime",
            "--supertokens-uri",
            "--supertokens-api-key",
            "--email-from",
            "--repo-root");

    static String usage() {
        return "usage: deploy|destroy [--target localstack|aws] [--endpoint URL] [--region R] [--prefix P]"
                + " [--stage S] [--runtime java21] [--supertokens-uri URL] [--supertokens-api-key K] [--email-from ADDRESS]"
                + " [--repo-root DIR]";
    }

    private static URI parseUri(String flag, String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new DeployException(flag + " must be an http(s) URL: " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new DeployException(flag + " is not a URL: " + value);
        }
    }
}
