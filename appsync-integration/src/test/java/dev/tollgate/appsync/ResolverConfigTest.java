package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.ConfigException;
import dev.tollgate.log.Level;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolverConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("NOTES_TABLE", "tollgate-notes", "AWS_REGION", "us-east-1"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Test
    void readsDefaults() {
        ResolverConfig config = ResolverConfig.fromEnvironment(env());
        assertThat(config)
                .isEqualTo(new ResolverConfig("tollgate-notes", "us-east-1", Optional.empty(), 100, Level.INFO));
    }

    @Test
    void readsEveryVariable() {
        ResolverConfig config = ResolverConfig.fromEnvironment(env(
                "AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:8000",
                "NOTES_MAX_PER_USER",
                "7",
                "AWS_REGION",
                "eu-west-1"));
        assertThat(config.dynamoEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(config.maxNotesPerUser()).isEqualTo(7);
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void readsTheLogLevel() {
        assertThat(ResolverConfig.fromEnvironment(env()).logLevel()).isEqualTo(Level.INFO);
        assertThat(ResolverConfig.fromEnvironment(env("LOG_LEVEL", "error")).logLevel())
                .isEqualTo(Level.ERROR);
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("LOG_LEVEL", "loud")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LOG_LEVEL: ");
    }

    @Test
    void refusesMissingOrMalformedValues() {
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_TABLE", null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("NOTES_TABLE: not set (accepted: a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -))");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_TABLE", "a b")))
                .hasMessage("NOTES_TABLE: malformed (accepted: a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -))");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_REGION", null)))
                .hasMessage("AWS_REGION: not set (accepted: an AWS region such as us-east-1)");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_MAX_PER_USER", "lots")))
                .hasMessage("NOTES_MAX_PER_USER: not a whole number (accepted: a whole number from 1 to 1000)");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_MAX_PER_USER", "0")))
                .hasMessage("NOTES_MAX_PER_USER: out of range (accepted: a whole number from 1 to 1000)");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000")))
                .hasMessage(
                        "AWS_ENDPOINT_URL_DYNAMODB: not an absolute http(s) URL (accepted: an absolute http(s) URL)");
        assertThatThrownBy(() -> new ResolverConfig("tollgate-notes", "us-east-1", Optional.empty(), 1001))
                .hasMessage("NOTES_MAX_PER_USER: out of range (accepted: a whole number from 1 to 1000)");
    }

    @Test
    void dynamoDbIsTheRegionsPublicEndpointUnlessOverridden() {
        assertThat(ResolverConfig.fromEnvironment(env()).dynamoDbUrl())
                .isEqualTo(URI.create("https://dynamodb.us-east-1.amazonaws.com"));
        assertThat(ResolverConfig.fromEnvironment(env("AWS_REGION", "cn-north-1"))
                        .dynamoDbUrl())
                .isEqualTo(URI.create("https://dynamodb.cn-north-1.amazonaws.com.cn"));
        assertThat(ResolverConfig.fromEnvironment(env("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"))
                        .dynamoDbUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_REGION", "us-iso-east-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_DYNAMODB: required");
        assertThat(ResolverConfig.fromEnvironment(
                                env("AWS_REGION", "us-iso-east-1", "AWS_ENDPOINT_URL_DYNAMODB", "https://ddb.example"))
                        .dynamoDbUrl())
                .isEqualTo(URI.create("https://ddb.example"));
    }

    @Test
    void findsTheOverrideAsTheAwsSdksDo() {
        assertThat(ResolverConfig.fromEnvironment(env("AWS_ENDPOINT_URL", "http://localhost:4566"))
                        .dynamoEndpoint())
                .contains(URI.create("http://localhost:4566"));
        assertThat(ResolverConfig.fromEnvironment(env(
                                "AWS_ENDPOINT_URL", "http://localhost:4566",
                                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"))
                        .dynamoEndpoint())
                .contains(URI.create("http://127.0.0.1:8000"));
        assertThat(ResolverConfig.fromEnvironment(env(
                                "AWS_ENDPOINT_URL", "http://localhost:4566",
                                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000",
                                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"))
                        .dynamoEndpoint())
                .isEmpty();
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_ENDPOINT_URL", "localstack:4566")))
                .hasMessageStartingWith("AWS_ENDPOINT_URL: not an absolute http(s) URL");
    }
}
