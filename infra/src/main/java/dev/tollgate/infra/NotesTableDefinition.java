package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;

/**
 * {@code notes-table.json} (DynamoDB's CreateTable shape, which the local cloud sends as is) read into
 * what a CDK table needs: its name and key.
 */
record NotesTableDefinition(String tableName, Attribute partitionKey, Optional<Attribute> sortKey) {

    static NotesTableDefinition load(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!"PAY_PER_REQUEST".equals(json.path("BillingMode").asText())) {
            throw new IllegalArgumentException(file + ": the app deploys PAY_PER_REQUEST tables only");
        }
        Map<String, AttributeType> types = new HashMap<>();
        for (JsonNode a : json.path("AttributeDefinitions")) {
            types.put(
                    a.path("AttributeName").asText(),
                    switch (a.path("AttributeType").asText()) {
                        case "S" -> AttributeType.STRING;
                        case "N" -> AttributeType.NUMBER;
                        case "B" -> AttributeType.BINARY;
                        default -> throw new IllegalArgumentException(file + ": unknown AttributeType for " + a);
                    });
        }
        Attribute hash = null;
        Attribute range = null;
        for (JsonNode k : json.path("KeySchema")) {
            String name = k.path("AttributeName").asText();
            AttributeType type = types.get(name);
            if (type == null) {
                throw new IllegalArgumentException(file + ": key attribute " + name + " has no AttributeDefinition");
            }
            Attribute attribute = Attribute.builder().name(name).type(type).build();
            switch (k.path("KeyType").asText()) {
                case "HASH" -> hash = attribute;
                case "RANGE" -> range = attribute;
                default -> throw new IllegalArgumentException(file + ": unknown KeyType for " + name);
            }
        }
        String name = json.path("TableName").asText();
        if (hash == null || name.isBlank()) {
            throw new IllegalArgumentException(file + ": TableName and a HASH key are required");
        }
        return new NotesTableDefinition(name, hash, Optional.ofNullable(range));
    }
}
