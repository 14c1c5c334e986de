package dev.tollgate.appsync;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables;
import dev.tollgate.config.Variables.Resolver;
import dev.tollgate.log.Level;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resolver's configuration, read once per container from the environment.
 *
 * @param notesTable      {@code NOTES_TABLE}: the DynamoDB table of notes-table.json's shape
 * @param region          {@code AWS_REGION}: set by Lambda itself
 * @param dynamoEndpoint  {@code AWS_ENDPOINT_URL_DYNAMODB}, else {@code AWS_ENDPOINT_URL}: the names the AWS
 *                        SDKs read for an endpoint override (local clouds, LocalStack, isolated regions)
 * @param maxNotesPerUser {@code NOTES_MAX_PER_USER}: how many notes one user may keep
 * @param logLevel        {@code LOG_LEVEL}: threshold for the invocation log
 */
public record ResolverConfig(
        String notesTable, String region, Optional<URI> dynamoEndpoint, int maxNotesPerUser, Level logLevel) {

    public static final int DEFAULT_MAX_NOTES_PER_USER = 100;
    public static final int MAX_NOTES_PER_USER_LIMIT = 1000;

    private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final String TABLE_ACCEPTED = "a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)";
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
    private static final String REGION_ACCEPTED = "an AWS region such as us-east-1";
    private static final String MAX_ACCEPTED = "a whole number from 1 to " + MAX_NOTES_PER_USER_LIMIT;

    public ResolverConfig {
        if (notesTable == null || !TABLE.matcher(notesTable).matches()) {
            throw new ConfigException(
                    Resolver.NOTES_TABLE, TABLE_ACCEPTED, notesTable == null ? "not set" : "malformed");
        }
        if (region == null || !REGION.matcher(region).matches()) {
            throw new ConfigException(Resolver.AWS_REGION, REGION_ACCEPTED, region == null ? "not set" : "malformed");
        }
        if (maxNotesPerUser < 1 || maxNotesPerUser > MAX_NOTES_PER_USER_LIMIT) {
            throw new ConfigException(Resolver.NOTES_MAX_PER_USER, MAX_ACCEPTED, "out of range");
        }
        Objects.requireNonNull(dynamoEndpoint, "dynamoEndpoint");
        Objects.requireNonNull(logLevel, "logLevel");
        if (dynamoEndpoint.isEmpty() && region.contains("-iso")) {
            throw new ConfigException(
                    Resolver.DYNAMODB_ENDPOINT,
                    "DynamoDB's endpoint URL",
                    "required: " + region + " has no public one");
        }
    }

    /**
     * Where DynamoDB calls go: the override, or the region's public endpoint ({@code .amazonaws.com.cn}
     * in the China regions; the isolated partitions have none, so they need the override).
     */
    public URI dynamoDbUrl() {
        return dynamoEndpoint.orElseGet(() -> URI.create("https://dynamodb." + region + "."
                + (region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com")));
    }

    /** For embedding (tests, in-process runs): the default log level. */
    public ResolverConfig(String notesTable, String region, Optional<URI> dynamoEndpoint, int maxNotesPerUser) {
        this(notesTable, region, dynamoEndpoint, maxNotesPerUser, Level.INFO);
    }

    /** The override as the AWS SDKs find it: DynamoDB's own, else the one for every service, unless both are off. */
    private static Optional<URI> endpointOverride(EnvReader reader) {
        Optional<URI> dynamoDb = reader.httpUrl(Resolver.DYNAMODB_ENDPOINT);
        Optional<URI> any = reader.httpUrl(Resolver.ENDPOINT_URL);
        if (reader.bool(Resolver.IGNORE_ENDPOINT_URLS, false)) {
            return Optional.empty();
        }
        return dynamoDb.or(() -> any);
    }

    /** Reads and checks the variables; a missing or malformed one stops the cold start with a clear message. */
    public static ResolverConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = EnvReader.of(env);
        return new ResolverConfig(
                reader.matching(Resolver.NOTES_TABLE, TABLE, TABLE_ACCEPTED)
                        .orElseThrow(() -> new ConfigException(Resolver.NOTES_TABLE, TABLE_ACCEPTED, "not set")),
                reader.matching(Resolver.AWS_REGION, REGION, REGION_ACCEPTED)
                        .orElseThrow(() -> new ConfigException(Resolver.AWS_REGION, REGION_ACCEPTED, "not set")),
                endpointOverride(reader),
                (int) reader.longBetween(Resolver.NOTES_MAX_PER_USER, 1, MAX_NOTES_PER_USER_LIMIT)
                        .orElse(DEFAULT_MAX_NOTES_PER_USER),
                reader.enumOf(Variables.LOG_LEVEL, Level.class, Level.INFO));
    }
}
