package dev.tollgate.appsync.dynamodb;

import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables.Resolver;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The keys DynamoDB calls are signed with. On Lambda they are the execution role's temporary keys,
 * which the runtime puts in the function's environment; they never appear in {@link #toString()}.
 */
public final class AwsCredentials {

    private final AwsCredentialsIdentity identity;

    private AwsCredentials(AwsCredentialsIdentity identity) {
        this.identity = identity;
    }

    /** Long-term or temporary keys; a temporary pair needs its session token. */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key id and a secret access key are both required");
        }
        return new AwsCredentials(sessionToken
                .map(token -> (AwsCredentialsIdentity)
                        AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, token))
                .orElseGet(() -> AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)));
    }

    /** Lambda's variables; a missing key stops the cold start with the variable's name. */
    public static AwsCredentials fromEnvironment(EnvReader env) {
        return of(
                env.required(Resolver.AWS_ACCESS_KEY_ID, "the access key id Lambda sets for the execution role"),
                env.required(
                        Resolver.AWS_SECRET_ACCESS_KEY, "the secret access key Lambda sets for the execution role"),
                env.optional(Resolver.AWS_SESSION_TOKEN));
    }

    AwsCredentialsIdentity identity() {
        return identity;
    }

    @Override
    public String toString() {
        // The key id is not secret, but nothing gains from printing it either.
        return "AwsCredentials[redacted]";
    }
}
