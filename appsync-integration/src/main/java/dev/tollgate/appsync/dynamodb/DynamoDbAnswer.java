package dev.tollgate.appsync.dynamodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a DynamoDB answer the resolver reads: {@code Items}, {@code Count},
 * {@code LastEvaluatedKey} and {@code Attributes}. The notes table holds strings only, so attribute
 * values are kept when they are strings ({@code {"S": ...}}) and passed over otherwise; a key, which
 * must be sent back as it came, fails instead.
 *
 * @param items            the items of a Query page, in order; empty for other operations
 * @param count            {@code Count}: the items a Query or Scan page matched
 * @param lastEvaluatedKey where the next page starts; empty on the last page
 * @param attributes       {@code Attributes}: the item as it was, for a DeleteItem with ALL_OLD
 */
public record DynamoDbAnswer(
        List<Map<String, String>> items,
        int count,
        Optional<Map<String, String>> lastEvaluatedKey,
        Optional<Map<String, String>> attributes) {

    private static final JsonFactory JSON = new JsonFactory();
    /** Only a successful answer is parsed here. */
    private static final int OK = 200;

    public DynamoDbAnswer {
        items = List.copyOf(items);
        lastEvaluatedKey = lastEvaluatedKey.map(Map::copyOf);
        attributes = attributes.map(Map::copyOf);
    }

    static DynamoDbAnswer parse(byte[] answer) {
        List<Map<String, String>> items = new ArrayList<>();
        int count = 0;
        Map<String, String> lastEvaluatedKey = null;
        Map<String, String> attributes = null;
        try (JsonParser parser = JSON.createParser(answer)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "Items" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            items.add(readItem(parser, false));
                        }
                        expect(parser.currentToken(), JsonToken.END_ARRAY);
                    }
                    case "Count" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT);
                        count = parser.getIntValue();
                    }
                    case "LastEvaluatedKey" -> lastEvaluatedKey = readItem(parser, true);
                    case "Attributes" -> attributes = readItem(parser, false);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw DynamoDbException.malformedAnswer(OK, "an answer that is not DynamoDB's JSON");
        }
        return new DynamoDbAnswer(items, count, Optional.ofNullable(lastEvaluatedKey), Optional.ofNullable(attributes));
    }

    /** {@code {"name": {"S": "value"}, ...}}, the parser on its opening brace. */
    private static Map<String, String> readItem(JsonParser parser, boolean key) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> item = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String type = parser.currentName();
                JsonToken value = parser.nextToken();
                if (type.equals("S") && value == JsonToken.VALUE_STRING) {
                    item.put(name, parser.getText());
                } else if (key) {
                    throw DynamoDbException.malformedAnswer(OK, "a key attribute of type " + type + ", not S");
                } else {
                    parser.skipChildren();
                }
            }
        }
        return item;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw DynamoDbException.malformedAnswer(OK, "expected " + expected + ", found " + actual);
        }
    }
}
