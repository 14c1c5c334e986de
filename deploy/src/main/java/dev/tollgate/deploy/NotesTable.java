package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The notes table, created from the one table definition in appsync-integration
 * ({@code notes-table.json}, a CreateTable request body) under the stack's table name.
 */
final class NotesTable {

    private static final Set<String> SUPPORTED =
            Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode");
    private final DynamoDbClient dynamoDb;

    NotesTable(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /**
     * Reads the definition; only the fields a table of ours uses are accepted, so nothing is silently
     * dropped. The deployer renames the table after the stack's prefix.
     */
    static CreateTableRequest definition(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DeployException("cannot read table definition " + file + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new DeployException(file + " must hold a JSON object (a DynamoDB CreateTable request)");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new DeployException(file + ": field " + field + " is not supported by the deployer");
            }
        });
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode a : required(json, "AttributeDefinitions", file)) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(text(a, "AttributeName", file))
                    .attributeType(text(a, "AttributeType", file))
                    .build());
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonNode k : required(json, "KeySchema", file)) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(text(k, "AttributeName", file))
                    .keyType(text(k, "KeyType", file))
                    .build());
        }
        BillingMode billing = BillingMode.fromValue(json.path("BillingMode").asText("PAY_PER_REQUEST"));
        if (billing != BillingMode.PAY_PER_REQUEST) {
            throw new DeployException(file + ": only BillingMode PAY_PER_REQUEST is supported");
        }
        return CreateTableRequest.builder()
                .tableName(text(json, "TableName", file))
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(billing)
                .build();
    }

    Progress.Done<Void> ensure(CreateTableRequest definition) {
        TableDescription existing = describe(definition.tableName());
        if (existing == null) {
            dynamoDb.createTable(definition);
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(definition.tableName()));
            return Progress.Done.of(Progress.Outcome.CREATED);
        }
        if (!existing.keySchema().equals(definition.keySchema())) {
            throw new DeployException("table " + definition.tableName() + " exists with another key schema "
                    + existing.keySchema() + "; destroy it or choose another --prefix");
        }
        return Progress.Done.of(Progress.Outcome.UNCHANGED);
    }

    Progress.Done<Void> remove(String tableName) {
        try {
            dynamoDb.deleteTable(r -> r.tableName(tableName));
            return Progress.Done.of(Progress.Outcome.REMOVED);
        } catch (ResourceNotFoundException missing) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
    }

    private TableDescription describe(String tableName) {
        try {
            return dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        } catch (ResourceNotFoundException missing) {
            return null;
        }
    }

    private static JsonNode required(JsonNode json, String field, Path file) {
        JsonNode node = json.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DeployException(file + ": " + field + " must be a non-empty array");
        }
        return node;
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new DeployException(file + ": every entry needs a string " + field);
        }
        return value.asText();
    }
}
