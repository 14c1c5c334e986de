package dev.tollgate.infra;

import dev.tollgate.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The app's synthesis-time choices, read from CDK context ({@code cdk deploy -c tollgate:target=...}).
 * Deploy-time values (the core secret's name, the SES sender) are CloudFormation parameters instead,
 * so the template synthesised by the build is the one that is deployed.
 *
 * @param repoRoot      the checkout whose definition files and built jars the app packages
 * @param target        where the template goes
 * @param architecture  the functions' instruction set
 * @param coreHasApiKey whether the core secret carries an API key (a managed or exposed core must have one)
 * @param siteOrigin    the site's origin when it is not this stack's CloudFront distribution (an API on
 *                      its own domain, called cross-origin); the REST API's CORS headers then name it
 * @param localStackEdge host and port of LocalStack's edge as the browser reaches it
 */
public record InfraSettings(
        Path repoRoot,
        Target target,
        Arch architecture,
        boolean coreHasApiKey,
        Optional<String> siteOrigin,
        String localStackEdge) {

    public static final String REPO_ROOT = "tollgate:repoRoot";
    public static final String TARGET = "tollgate:target";
    public static final String ARCHITECTURE = "tollgate:architecture";
    public static final String CORE_HAS_API_KEY = "tollgate:coreHasApiKey";
    public static final String SITE_ORIGIN = "tollgate:siteOrigin";
    public static final String LOCALSTACK_EDGE = "tollgate:localStackEdge";

    private static final Pattern ORIGIN = Pattern.compile("https://[a-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern HOST_PORT = Pattern.compile("[a-z0-9.-]+:[0-9]{1,5}");

    /** AWS (CloudFront in front of site and API) or LocalStack (no CloudFront; see the README). */
    public enum Target {
        AWS,
        LOCALSTACK
    }

    /** Lambda's two instruction sets, by the names Lambda uses. */
    public enum Arch {
        X86_64("x86_64"),
        ARM64("arm64");

        private final String lambdaName;

        Arch(String lambdaName) {
            this.lambdaName = lambdaName;
        }

        public String lambdaName() {
            return lambdaName;
        }
    }

    /**
     * Reads and validates the context.
     *
     * @param context a context value by key, or null when unset
     * @throws IllegalArgumentException naming the key and the values it accepts
     */
    public static InfraSettings from(Function<String, Object> context) {
        Path root =
                Path.of(text(context, REPO_ROOT).orElse("..")).toAbsolutePath().normalize();
        for (Path definition : StackFiles.DEFINITIONS) {
            if (!Files.isRegularFile(root.resolve(definition))) {
                throw new IllegalArgumentException(
                        REPO_ROOT + ": " + root + " is not a Tollgate checkout (no " + definition + ")");
            }
        }
        Target target = switch (text(context, TARGET).orElse("aws")) {
            case "aws" -> Target.AWS;
            case "localstack" -> Target.LOCALSTACK;
            default -> throw new IllegalArgumentException(TARGET + " must be aws or localstack");
        };
        Arch arch = switch (text(context, ARCHITECTURE).orElse("x86_64")) {
            case "x86_64" -> Arch.X86_64;
            case "arm64" -> Arch.ARM64;
            default -> throw new IllegalArgumentException(ARCHITECTURE + " must be x86_64 or arm64");
        };
        boolean apiKey = switch (text(context, CORE_HAS_API_KEY).orElse("true")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(CORE_HAS_API_KEY + " must be true or false");
        };
        Optional<String> siteOrigin = text(context, SITE_ORIGIN);
        siteOrigin.ifPresent(origin -> {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException(
                        SITE_ORIGIN + " must be an https origin without a path, such as https://app.example.com");
            }
        });
        String edge = text(context, LOCALSTACK_EDGE).orElse("localhost.localstack.cloud:4566");
        if (!HOST_PORT.matcher(edge).matches()) {
            throw new IllegalArgumentException(
                    LOCALSTACK_EDGE + " must be host:port, such as localhost.localstack.cloud:4566");
        }
        return new InfraSettings(root, target, arch, apiKey, siteOrigin, edge);
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        String s = value.toString().strip().toLowerCase(Locale.ROOT);
        if (key.equals(REPO_ROOT)) {
            s = value.toString().strip();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(key + " is empty");
        }
        return Optional.of(s);
    }
}
