package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(config).isEqualTo(new ResolverConfig("tollgate-notes", "us-east-1", Optional.empty(), 100));
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
    void refusesMissingOrMalformedValues() {
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_TABLE", null)))
                .hasMessage("NOTES_TABLE must be a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -), was unset");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_REGION", null)))
                .hasMessage("AWS_REGION must be an AWS region such as us-east-1, was unset");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_MAX_PER_USER", "lots")))
                .hasMessage("NOTES_MAX_PER_USER must be a whole number, was 'lots'");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("NOTES_MAX_PER_USER", "0")))
                .hasMessage("NOTES_MAX_PER_USER must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> ResolverConfig.fromEnvironment(env("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000")))
                .hasMessage("AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL, was 'localhost:8000'");
    }
}
