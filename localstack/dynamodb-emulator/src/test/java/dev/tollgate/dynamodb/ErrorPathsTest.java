package dev.tollgate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal not already driven through the AWS SDK in {@link DynamoDbEmulatorTest}, as raw JSON 1.0
 * requests: operation and body in, HTTP 400 with DynamoDB's {@code __type} and message out.
 */
class ErrorPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DynamoDbEmulator emulator;

    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String NOT_FOUND = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";

    @BeforeAll
    static void start() throws Exception {
        emulator = DynamoDbEmulator.start(0, false);
        emulator.createTable("""
                {"TableName": "notes", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "u", "AttributeType": "S"}, {"AttributeName": "n", "AttributeType": "N"}],
                 "KeySchema": [{"AttributeName": "u", "KeyType": "HASH"}, {"AttributeName": "n", "KeyType": "RANGE"}]}""");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static final String KEYS =
            "\"AttributeDefinitions\": [{\"AttributeName\": \"k\", \"AttributeType\": \"S\"}],"
                    + " \"KeySchema\": [{\"AttributeName\": \"k\", \"KeyType\": \"HASH\"}]";
    private static final String ITEM =
            "\"TableName\": \"notes\", \"Item\": {\"u\": {\"S\": \"a\"}, \"n\": {\"N\": \"1\"}";
    private static final String QUERY = "\"TableName\": \"notes\", \"KeyConditionExpression\": ";

    static Stream<Arguments> refusals() {
        return Stream.of(
                // tables
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", " + KEYS
                                + ", \"BillingMode\": \"PAY_PER_REQUEST\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}}",
                        VALIDATION,
                        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", " + KEYS + ", \"BillingMode\": \"FREE\"}",
                        VALIDATION,
                        "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", " + KEYS
                                + ", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 0, \"WriteCapacityUnits\": 1}}",
                        VALIDATION,
                        "One or more parameter values were invalid: Provisioned throughput must be greater than or equal to 1"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": [{\"AttributeName\": \"k\", \"AttributeType\": \"X\"}], \"KeySchema\": [{\"AttributeName\": \"k\", \"KeyType\": \"HASH\"}]}",
                        VALIDATION,
                        "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": [{\"AttributeName\": \"k\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"k\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"k\", \"KeyType\": \"RANGE\"}], \"BillingMode\": \"PAY_PER_REQUEST\"}",
                        VALIDATION,
                        "One or more parameter values were invalid: Both the Hash Key and the Range Key element in the KeySchema have the same name"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": [{\"AttributeName\": \"k\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"r\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"k\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"r\", \"KeyType\": \"HASH\"}], \"BillingMode\": \"PAY_PER_REQUEST\"}",
                        VALIDATION,
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": [], \"KeySchema\": [], \"BillingMode\": \"PAY_PER_REQUEST\"}",
                        VALIDATION,
                        "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": []}",
                        VALIDATION,
                        "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"tbl\", " + KEYS
                                + ", \"BillingMode\": \"PAY_PER_REQUEST\", \"GlobalSecondaryIndexes\": []}",
                        VALIDATION,
                        "GlobalSecondaryIndexes is not supported by the Tollgate DynamoDB emulator"),
                arguments(
                        "CreateTable",
                        "{\"TableName\": \"" + "t".repeat(256) + "\", " + KEYS + "}",
                        VALIDATION,
                        "1 validation error detected: Value '" + "t".repeat(256)
                                + "' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255"),
                arguments(
                        "DeleteTable",
                        "{\"TableName\": \"missing\"}",
                        NOT_FOUND,
                        "Requested resource not found: Table: missing not found"),
                arguments(
                        "ListTables",
                        "{\"Limit\": 101}",
                        VALIDATION,
                        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"),
                arguments("ListTables", "{\"Limit\": \"ten\"}", SERIALIZATION, "Unexpected value type for Limit"),
                // attribute values
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"S\": \"a\", \"N\": \"1\"}}}",
                        VALIDATION,
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"SS\": []}}}",
                        VALIDATION,
                        "One or more parameter values were invalid: An string set  may not be empty"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"NS\": [\"1\", \"1.0\"]}}}",
                        VALIDATION,
                        "One or more parameter values were invalid: Input collection [\"1\",\"1.0\"] contains duplicates."),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"NULL\": false}}}",
                        VALIDATION,
                        "One or more parameter values were invalid: Null attribute value types must have the value of true"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"N\": \"1" + "0".repeat(38) + "\"}}}",
                        VALIDATION,
                        "Attempting to store more than 38 significant digits in a Number"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"B\": \"***\"}}}",
                        SERIALIZATION,
                        "Base64 encoded length is expected a multiple of 4 bytes"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"BOOL\": \"yes\"}}}",
                        SERIALIZATION,
                        "BOOL must be a boolean"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"S\": 5}}}",
                        SERIALIZATION,
                        "Unexpected value type in AttributeValue: expected a string"),
                arguments(
                        "PutItem",
                        "{" + ITEM + ", \"x\": {\"Q\": \"1\"}}}",
                        SERIALIZATION,
                        "Unknown AttributeValue type: Q"),
                arguments(
                        "PutItem",
                        "{\"TableName\": \"notes\"}",
                        VALIDATION,
                        "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null"),
                arguments(
                        "PutItem",
                        "{" + ITEM + "}, \"ReturnConsumedCapacity\": \"TOTAL\"}",
                        VALIDATION,
                        "ReturnConsumedCapacity TOTAL is not supported by the Tollgate DynamoDB emulator"),
                arguments(
                        "GetItem",
                        "{\"TableName\": \"notes\", \"Key\": {\"u\": {\"S\": \"a\"}, \"n\": {\"N\": \"1\"}}, \"ExpressionAttributeNames\": {\"#a\": \"u\"}}",
                        VALIDATION,
                        "ExpressionAttributeNames can only be specified when using expressions"),
                arguments(
                        "GetItem",
                        "{\"TableName\": \"notes\", \"Key\": {\"u\": {\"S\": \"a\"}, \"n\": {\"N\": \"1\"}}, \"ProjectionExpression\": \"u\"}",
                        VALIDATION,
                        "ProjectionExpression is not supported by the Tollgate DynamoDB emulator"),
                arguments(
                        "DeleteItem",
                        "{\"TableName\": \"notes\", \"Key\": {\"u\": {\"S\": \"a\"}, \"n\": {\"N\": \"1\"}}, \"ExpressionAttributeValues\": {\":a\": {\"S\": \"u\"}}}",
                        VALIDATION,
                        "ExpressionAttributeValues can only be specified when using expressions"),
                // condition expressions
                arguments(
                        "PutItem",
                        "{" + ITEM + "}, \"ConditionExpression\": \"   \"}",
                        VALIDATION,
                        "Invalid ConditionExpression: The expression can not be empty;"),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"a.b = :v\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"x\"}}}",
                        VALIDATION,
                        "Invalid ConditionExpression: nested document paths are not supported by the Tollgate DynamoDB emulator"),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"u = :v AND\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"x\"}}}",
                        VALIDATION,
                        "Invalid ConditionExpression: Syntax error; token: <EOF>, near: \"AND\""),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"u ! :v\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"x\"}}}",
                        VALIDATION,
                        "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"u !\""),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"size(u) > :v\", \"ExpressionAttributeValues\": {\":v\": {\"N\": \"1\"}}, \"ExpressionAttributeNames\": {}}",
                        VALIDATION,
                        "ExpressionAttributeNames must not be empty"),
                arguments(
                        "PutItem",
                        "{" + ITEM + "}, \"ConditionExpression\": \"size(u) > :v\", \"ExpressionAttributeValues\": {}}",
                        VALIDATION,
                        "ExpressionAttributeValues must not be empty"),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"attribute_exists(#a)\", \"ExpressionAttributeNames\": {\"a\": \"u\"}}",
                        VALIDATION,
                        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"attribute_exists(#a)\", \"ExpressionAttributeNames\": {\"#a\": \"\"}}",
                        VALIDATION,
                        "ExpressionAttributeNames contains invalid value: Empty attribute name; for key: \"#a\""),
                arguments(
                        "PutItem",
                        "{" + ITEM
                                + "}, \"ConditionExpression\": \"u = :v\", \"ExpressionAttributeValues\": {\":v\": {}}}",
                        VALIDATION,
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
                // query
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u AND n <> :n\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}, \":n\": {\"N\": \"1\"}}}",
                        VALIDATION,
                        "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u AND begins_with(n, :n)\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}, \":n\": {\"N\": \"1\"}}}",
                        VALIDATION,
                        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u AND n = :n AND n = :n\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}, \":n\": {\"N\": \"1\"}}}",
                        VALIDATION,
                        "Conditions can be of length 1 or 2 only"),
                arguments(
                        "Query",
                        "{" + QUERY + "\"u = :u AND u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "Query key condition not supported"),
                arguments(
                        "Query",
                        "{" + QUERY + "\"u > :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "Query key condition not supported"),
                arguments(
                        "Query",
                        "{" + QUERY + "\":u = u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "Query key condition not supported"),
                arguments(
                        "Query",
                        "{" + QUERY + "\"attribute_exists(u)\"}",
                        VALIDATION,
                        "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: attribute_exists"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"Select\": \"EVERYTHING\"}",
                        VALIDATION,
                        "1 validation error detected: Value 'EVERYTHING' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"Select\": \"SPECIFIC_ATTRIBUTES\"}",
                        VALIDATION,
                        "Select SPECIFIC_ATTRIBUTES is not supported by the Tollgate DynamoDB emulator"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"ScanIndexForward\": \"no\"}",
                        SERIALIZATION,
                        "ScanIndexForward must be a boolean"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"ExclusiveStartKey\": {\"u\": {\"S\": \"b\"}, \"n\": {\"N\": \"1\"}}}",
                        VALIDATION,
                        "The provided starting key is outside query boundaries based on provided conditions"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"ExclusiveStartKey\": {\"u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "The provided starting key is invalid: The provided key element does not match the schema"),
                arguments(
                        "Query",
                        "{" + QUERY
                                + "\"u = :u\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}, \"IndexName\": \"byText\"}",
                        VALIDATION,
                        "IndexName is not supported by the Tollgate DynamoDB emulator"),
                // expression limits: 4 KB as sent (DynamoDB's), nesting (the emulator's; deeper overflowed its stack)
                arguments(
                        "Query",
                        "{" + QUERY + "\"u = :u" + " ".repeat(4091)
                                + "\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "Invalid KeyConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097"),
                arguments(
                        "Query",
                        "{" + QUERY + "\"" + "(".repeat(2000) + "u = :u" + ")".repeat(2000)
                                + "\", \"ExpressionAttributeValues\": {\":u\": {\"S\": \"a\"}}}",
                        VALIDATION,
                        "Invalid KeyConditionExpression: The expression nests parentheses and NOT more than 200 levels deep (a limit of the Tollgate DynamoDB emulator)"),
                arguments(
                        "PutItem",
                        "{" + ITEM + "}, \"ConditionExpression\": \"" + "NOT ".repeat(201) + "attribute_exists(u)\"}",
                        VALIDATION,
                        "Invalid ConditionExpression: The expression nests parentheses and NOT more than 200 levels deep (a limit of the Tollgate DynamoDB emulator)"),
                // protocol
                arguments("GetItem", "[]", SERIALIZATION, "Request body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("refusals")
    void refuses(String operation, String body, String type, String message) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(emulator.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").asText()).isEqualTo(type);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongRequests")
    void refusesOtherMethodsPathsAndTargets(String method, String path, String target) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
    }

    static Stream<Arguments> wrongRequests() {
        return Stream.of(
                arguments("PUT", "/", "DynamoDB_20120810.ListTables"),
                arguments("POST", "/other", "DynamoDB_20120810.ListTables"),
                arguments("POST", "/", null),
                arguments("POST", "/", "DynamoDB_20111205.ListTables"),
                arguments("POST", "/", "DynamoDB_20120810.UpdateItem"));
    }
}
