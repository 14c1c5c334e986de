package dev.tollgate.authapi.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {

    private final Cors cors = new Cors("http://localhost:3000");

    private static ApiRequest from(String method, String origin) {
        Map<String, List<String>> headers = origin == null ? Map.of() : Map.of("origin", List.of(origin));
        return new ApiRequest(method, "/auth/signin", headers, Map.of(), "");
    }

    @Test
    void preflightFromTheWebsiteAllowsCredentialsAndTheSdkHeaders() {
        ApiResponse response = cors.preflight(from("OPTIONS", "http://localhost:3000"), List.of("POST", "OPTIONS"));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers())
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Allow-Methods", "POST, OPTIONS");
        assertThat(response.headerValue("Access-Control-Allow-Headers").split(", "))
                .contains("rid", "fdi-version", "anti-csrf", "authorization", "st-auth-mode", "content-type");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        assertThatThrownBy(() -> cors.preflight(from("OPTIONS", "http://localhost:3001"), List.of("POST")))
                .isInstanceOf(ApiException.OriginNotAllowed.class);
        assertThatThrownBy(() -> cors.preflight(from("OPTIONS", null), List.of("POST")))
                .isInstanceOf(ApiException.OriginNotAllowed.class);
    }

    @Test
    void answersToTheWebsiteExposeTheSessionHeaders() {
        ApiResponse response = ApiResponse.json(200, "{}");
        cors.decorate(from("POST", "http://localhost:3000"), response);
        assertThat(response.headers())
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry(
                        "Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token, anti-csrf")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void answersToOtherOriginsCarryNoGrant() {
        ApiResponse response = ApiResponse.json(200, "{}");
        cors.decorate(from("POST", "http://evil.example"), response);
        assertThat(response.headers())
                .doesNotContainKeys("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials");
    }
}
