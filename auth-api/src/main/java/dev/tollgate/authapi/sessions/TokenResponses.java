package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import java.util.Map;

/** Copies rendered session tokens onto a response; later writes of a header or cookie replace earlier ones. */
public final class TokenResponses {

    private TokenResponses() {}

    public static void apply(ApiResponse response, ResponseTokens tokens) {
        tokens.setCookies().forEach(response::cookie);
        for (Map.Entry<String, String> header : tokens.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(TokenWriter.EXPOSE_HEADERS)) {
                mergeExposed(response, header.getValue());
            } else {
                response.header(header.getKey(), header.getValue());
            }
        }
    }

    /** node merges repeated expose headers into one list without duplicates. */
    private static void mergeExposed(ApiResponse response, String names) {
        String existing = response.headerValue(TokenWriter.EXPOSE_HEADERS);
        response.header(TokenWriter.EXPOSE_HEADERS, ResponseTokens.mergeExposedHeaders(existing, names));
    }
}
