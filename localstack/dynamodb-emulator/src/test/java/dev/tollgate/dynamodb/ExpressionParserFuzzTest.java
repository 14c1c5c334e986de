package dev.tollgate.dynamodb;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;

/**
 * The condition-expression parser on any expression text: it parses or refuses with a
 * {@link DynamoDbError} (a 400 ValidationException to the client), never another exception (a stack
 * overflow here once left the client without an answer). Seeds: {@code ExpressionParserFuzzTestInputs/}.
 */
class ExpressionParserFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "30s")
    void anyExpression(FuzzedDataProvider data) {
        ObjectNode names = JSON.createObjectNode().put("#a", "userId").put("#b", "noteId");
        ObjectNode values = JSON.createObjectNode();
        values.putObject(":v").put("S", "x");
        values.putObject(":n").put("N", "3");
        try {
            new ExpressionParser("ConditionExpression", names, values, new HashSet<>(), new HashSet<>())
                    .parse(data.consumeRemainingAsString());
        } catch (DynamoDbError refused) {
            // the documented refusal
        }
    }
}
