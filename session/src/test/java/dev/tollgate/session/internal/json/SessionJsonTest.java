package dev.tollgate.session.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper-free trees are the ones {@code new ObjectMapper()} reads and writes, node type for node type. */
class SessionJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> DOCUMENTS = List.of(
            "{}",
            "[]",
            "null",
            "true",
            "\"text\"",
            "0",
            "-1",
            "{\"sub\":\"58c69f6b\",\"exp\":1795714294,\"iat\":1795710694,\"ms\":1795710694123,"
                    + "\"big\":123456789012345678901234567890,\"neg\":-2147483649,\"int\":2147483647,"
                    + "\"frac\":0.5,\"exp10\":1e3,\"tiny\":-1.5E-7,\"stt\":0.0,\"n\":null,\"t\":true,\"f\":false,"
                    + "\"nested\":{\"st-role\":{\"v\":[\"admin\",\"\\u00e9\\ud83d\\ude00\",\"a\\\"b\\\\c\\n\"],\"t\":1}},"
                    + "\"empty\":[],\"emptyObject\":{},\"mixed\":[1,2.5,\"x\",null,[[]],{\"k\":{}}]}",
            "{\"dup\":1,\"dup\":\"last wins\"}",
            "{\"unicode\":\"\\u0000\\u001f\\u2028</script>\"}");

    @Test
    void readsTheTreesAMapperReads() throws IOException {
        for (String doc : DOCUMENTS) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            JsonNode expected = MAPPER.readTree(bytes);
            assertThat(SessionJson.readTree(bytes)).as(doc).isEqualTo(expected);
            assertThat(SessionJson.readTree(doc, true)).as(doc).isEqualTo(expected);
            assertThat(nodeTypes(SessionJson.readTree(bytes))).as(doc).isEqualTo(nodeTypes(expected));
        }
    }

    @Test
    void writesWhatAMapperWrites() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            assertThat(SessionJson.write(tree)).as(doc).isEqualTo(MAPPER.writeValueAsString(tree));
            assertThat(SessionJson.writeBytes(tree)).as(doc).isEqualTo(MAPPER.writeValueAsBytes(tree));
        }
        ObjectNode built = JsonNodeFactory.instance.objectNode();
        built.put("short", (short) 7)
                .put("float", 1.25f)
                .put("decimal", new BigDecimal("1.10"))
                .put("bigint", new BigInteger("98765432109876543210"))
                .put("binary", new byte[] {1, 2, 3, (byte) 250});
        built.putPOJO("pojo", List.of("a", 1));
        built.set("missing", MissingNode.getInstance());
        assertThat(SessionJson.write(built)).isEqualTo(MAPPER.writeValueAsString(built));
        built.remove("pojo");
        assertThat(SessionJson.write(built)).isEqualTo(MAPPER.writeValueAsString(built));
    }

    @Test
    void strictReadingRejectsTrailingContentLikeFailOnTrailingTokens() throws IOException {
        var strictMapper = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (String doc : List.of("{\"a\":1}{}", "{\"a\":1} 2", "[] []")) {
            assertThatThrownBy(() -> strictMapper.readTree(doc)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> SessionJson.readTree(doc, true)).as(doc).isInstanceOf(IOException.class);
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SessionJson.readTree(bytes, 0, bytes.length, true))
                    .isInstanceOf(IOException.class);
            assertThat(SessionJson.readTree(bytes)).isEqualTo(MAPPER.readTree(bytes));
        }
        assertThat(SessionJson.readTree("{\"a\":1}  \n", true)).isEqualTo(MAPPER.readTree("{\"a\":1}"));
    }

    @Test
    void noContentIsMissingAndMalformedOrTooDeepInputIsAnError() throws IOException {
        assertThat(SessionJson.readTree(new byte[0])).isEqualTo(MAPPER.readTree(new byte[0]));
        assertThat(SessionJson.readTree(new byte[0]).isMissingNode()).isTrue();
        assertThat(SessionJson.readTree("  ", true).isMissingNode()).isTrue();
        for (String bad : List.of("{", "{\"a\":}", "[1,]", "{'a':1}", "NaN", "{\"a\":1,}", "\"unterminated")) {
            assertThatThrownBy(() -> SessionJson.readTree(bad, true)).as(bad).isInstanceOf(IOException.class);
        }
        String deep = "[".repeat(1_001) + "]".repeat(1_001);
        assertThatThrownBy(() -> MAPPER.readTree(deep)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SessionJson.readTree(deep, true)).isInstanceOf(IOException.class);
    }

    @Test
    void aSubRangeOfABufferIsRead() throws IOException {
        byte[] buffer = "xx{\"a\":[1]}yy".getBytes(StandardCharsets.UTF_8);
        assertThat(SessionJson.readTree(buffer, 2, 9, true)).isEqualTo(MAPPER.readTree("{\"a\":[1]}"));
    }

    /** {@code equals} already compares node classes; this also names them, for a readable failure. */
    private static String nodeTypes(JsonNode node) {
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName());
        if (node.isContainerNode()) {
            sb.append('(');
            node.forEach(child -> sb.append(nodeTypes(child)).append(','));
            sb.append(')');
        }
        return sb.toString();
    }
}
