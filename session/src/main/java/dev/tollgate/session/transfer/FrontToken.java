package dev.tollgate.session.transfer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.internal.json.SessionJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code front-token} header value (docs/supertokens.md#front-token): <em>standard</em> base64 (with {@code +/=}) of the
 * UTF-8 JSON {@code {"uid": userId, "ate": expiryMs, "up": payload}}. The frontend decodes it with
 * {@code atob}, so url-safe base64 would break it.
 */
public final class FrontToken {
    /** The value that tells the frontend to forget its session. */
    public static final String REMOVE = "remove";

    private FrontToken() {}

    /**
     * @param userId the primary user id ({@code sub})
     * @param accessTokenExpiryMillis the access token's expiry in ms ({@code exp * 1000})
     * @param payload the whole access-token payload, including {@code iat} (the frontend's clock-skew basis)
     */
    public static String encode(String userId, long accessTokenExpiryMillis, ObjectNode payload) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("uid", userId);
        json.put("ate", accessTokenExpiryMillis);
        json.set("up", payload);
        return Base64.getEncoder().encodeToString(SessionJson.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
