package dev.tollgate.session.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.testkit.AccessTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What travels between the frontend and the API, as the tests build and read it. */
public final class Wire {

    private Wire() {}

    /** Request headers from name, value pairs; a name may repeat. */
    public static Headers headers(String... pairs) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    /** A refresh token as node writes it into a cookie (docs/supertokens.md#cookies). */
    public static String encodedCookieValue(String token) {
        // The core's refresh tokens hold standard base64; encodeURIComponent turns + / = into %2B %2F %3D.
        return token.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }

    /** The decoded {@code front-token} header: {@code {uid, ate, up}} (docs/supertokens.md#front-token). */
    public static JsonNode frontToken(ResponseTokens tokens) throws IOException {
        byte[] json = Base64.getDecoder().decode(tokens.headers().get("front-token"));
        return AccessTokens.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
    }
}
