package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.tollgate.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stream reader against what Lambda's own serializer made of the same events for a {@code Map} handler. */
class EventJsonTest {

    private static final Type MAP_OF_OBJECTS = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, Object.class};
        }

        @Override
        public Type getRawType() {
            return Map.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    private static Map<String, Object> read(String json) throws IOException {
        return EventJson.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"query-me.json", "query-notes.json", "mutation-addNote.json", "mutation-deleteNote.json"})
    void readsEveryFixtureAsLambdasSerializerDid(String fixture) throws IOException {
        String json = Fixtures.appsyncEvent(fixture);
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> lambda = JacksonFactory.getInstance().getSerializer(MAP_OF_OBJECTS);
        assertThat(read(json)).isEqualTo(lambda.fromJson(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"info\":", "{\"a\":tru}"})
    void malformedJsonIsABadRequest(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(ResolverError.BadRequest.class)
                .hasMessage("BadRequest: the event is not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"event\"", "7"})
    void aNonObjectIsABadRequest(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(ResolverError.BadRequest.class)
                .hasMessageContaining("must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "  "})
    void noEventReadsAsNull(String json) throws IOException {
        assertThat(read(json)).isNull();
    }

    @Test
    void writesResultsAsJson() throws IOException {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", "0193a5b0-0000-7000-8000-000000000000");
        note.put("text", "caf\u00e9 \"quoted\"");
        note.put("gone", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventJson.write(List.of(note, 3, 4_000_000_000L, true), out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("[{\"id\":\"0193a5b0-0000-7000-8000-000000000000\",\"text\":\"caf\u00e9 \\\"quoted\\\"\","
                        + "\"gone\":null},3,4000000000,true]");
    }
}
