package dev.tollgate.session.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.internal.json.SessionJson;
import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * The JWKS parser on any bytes the core (or something in its place) could answer: a document is refused
 * with {@link IllegalArgumentException} or yields only RSA keys of 2048 bits or more, never another
 * exception. Seeds: {@code JwkParserFuzzTestInputs/}.
 */
class JwkParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyDocument(byte[] body) {
        JsonNode document;
        try {
            document = SessionJson.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        Map<String, PublicKey> keys;
        try {
            keys = JwkParser.parse(document);
        } catch (IllegalArgumentException notAJwks) {
            return;
        }
        for (PublicKey key : keys.values()) {
            assertThat(key).isInstanceOf(RSAPublicKey.class);
            assertThat(((RSAPublicKey) key).getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        }
    }
}
