package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What CreateTable fixed about a table, rendered as DynamoDB's TableDescription. */
record TableDescription(
        String name,
        KeySchema keySchema,
        JsonNode attributeDefinitions,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        Instant created,
        String arn,
        String tableId) {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";

    ObjectNode toJson(String status, int itemCount) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.set("AttributeDefinitions", attributeDefinitions.deepCopy());
        out.put("TableName", name);
        ArrayNode keys = out.putArray("KeySchema");
        keys.addObject().put("AttributeName", keySchema.hashName()).put("KeyType", "HASH");
        if (keySchema.hasRange()) {
            keys.addObject().put("AttributeName", keySchema.rangeName()).put("KeyType", "RANGE");
        }
        out.put("TableStatus", status);
        out.put("CreationDateTime", created.toEpochMilli() / 1000.0);
        ObjectNode throughput = out.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", readCapacity);
        throughput.put("WriteCapacityUnits", writeCapacity);
        out.put("TableSizeBytes", 0);
        out.put("ItemCount", itemCount);
        out.put("TableArn", arn);
        out.put("TableId", tableId);
        if (billingMode.equals("PAY_PER_REQUEST")) {
            ObjectNode summary = out.putObject("BillingModeSummary");
            summary.put("BillingMode", billingMode);
            summary.put("LastUpdateToPayPerRequestDateTime", created.toEpochMilli() / 1000.0);
        }
        out.put("DeletionProtectionEnabled", false);
        return out;
    }
}
