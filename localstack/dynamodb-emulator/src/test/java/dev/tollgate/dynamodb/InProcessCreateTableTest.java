package dev.tollgate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InProcessCreateTableTest {

    private static final String TABLE = """
            {"TableName": "tollgate-notes",
             "AttributeDefinitions": [{"AttributeName": "userId", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "userId", "KeyType": "HASH"}],
             "BillingMode": "PAY_PER_REQUEST"}""";

    @Test
    void createsATableFromARequestBodyWithDynamoDbsChecks() {
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, false)) {
            assertThat(emulator.createTable(TABLE))
                    .contains("\"TableName\":\"tollgate-notes\"")
                    .contains("\"TableStatus\":\"CREATING\"");
            assertThatThrownBy(() -> emulator.createTable(TABLE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ResourceInUseException: Table already exists: tollgate-notes");
            assertThatThrownBy(() -> emulator.createTable("{\"TableName\": \"x\"}"))
                    .hasMessageStartingWith("ValidationException: 1 validation error detected");
            assertThatThrownBy(() -> emulator.createTable("[]"))
                    .hasMessage("a CreateTable request must be a JSON object");
            assertThatThrownBy(() -> emulator.createTable("{"))
                    .hasMessageStartingWith("the CreateTable request is not JSON");
        }
    }
}
