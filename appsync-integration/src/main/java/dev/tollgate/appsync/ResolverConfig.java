package dev.tollgate.appsync;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The resolver's configuration, read once per container from the environment.
 *
 * @param notesTable      {@code NOTES_TABLE}: the DynamoDB table of notes-table.json's shape
 * @param region          {@code AWS_REGION}: set by Lambda itself
 * @param dynamoEndpoint  {@code AWS_ENDPOINT_URL_DYNAMODB}: the AWS SDK's standard override (local clouds)
 * @param maxNotesPerUser {@code NOTES_MAX_PER_USER}: how many notes one user may keep
 */
public record ResolverConfig(String notesTable, String region, Optional<URI> dynamoEndpoint, int maxNotesPerUser) {

    public static final int DEFAULT_MAX_NOTES_PER_USER = 100;
    public static final int MAX_NOTES_PER_USER_LIMIT = 1000;

    public ResolverConfig {
        if (notesTable == null || !notesTable.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException(
                    "NOTES_TABLE must be a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -), was "
                            + describe(notesTable));
        }
        if (region == null || !region.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException(
                    "AWS_REGION must be an AWS region such as us-east-1, was " + describe(region));
        }
        if (maxNotesPerUser < 1 || maxNotesPerUser > MAX_NOTES_PER_USER_LIMIT) {
            throw new IllegalArgumentException("NOTES_MAX_PER_USER must be between 1 and " + MAX_NOTES_PER_USER_LIMIT
                    + ", was " + maxNotesPerUser);
        }
    }

    /** Reads and checks the variables; a missing or malformed one stops the cold start with a clear message. */
    public static ResolverConfig fromEnvironment(Map<String, String> env) {
        return new ResolverConfig(
                env.get("NOTES_TABLE"),
                env.get("AWS_REGION"),
                endpoint(env.get("AWS_ENDPOINT_URL_DYNAMODB")),
                maxNotes(env.get("NOTES_MAX_PER_USER")));
    }

    private static Optional<URI> endpoint(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL, was " + describe(value));
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    "AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL, was " + describe(value), e);
        }
    }

    private static int maxNotes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_NOTES_PER_USER;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NOTES_MAX_PER_USER must be a whole number, was " + describe(value), e);
        }
    }

    private static String describe(String value) {
        return value == null ? "unset" : "'" + value + "'";
    }
}
