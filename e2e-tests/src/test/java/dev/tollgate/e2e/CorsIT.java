package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page runs on its own origin; the browser only lets it read the gateway's 401 and 403 when
 * those gateway responses carry the CORS headers (exact origin, credentials allowed).
 */
@E2eTest
class CorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pageCanRead401BodyFromTheGateway(Stack stack, Browsers browsers) throws Exception {
        DemoPage page = new DemoPage(browsers.open(), stack).open();
        assertThat(page.webUrl().getPort())
                .as("site and API are different origins")
                .isNotEqualTo(stack.api().getPort());

        Map<String, Object> answer = page.rawFetch("/graphql", "{\"query\":\"query { me { userId } }\"}");

        assertThat(answer).as("a CORS failure shows up as a fetch error").doesNotContainKey("error");
        assertThat(answer.get("status")).isEqualTo(401L);
        assertThat(JSON.readTree((String) answer.get("body")).path("message").asText())
                .isEqualTo("Unauthorized");
    }

    @Test
    void pageCanRead403ClaimErrorsFromTheGateway(Stack stack, Browsers browsers) throws Exception {
        Users user = Users.fresh("cors403");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();

        Map<String, Object> answer = page.rawFetch("/verified/graphql", "{\"query\":\"query { me { userId } }\"}");

        assertThat(answer).as("a CORS failure shows up as a fetch error").doesNotContainKey("error");
        assertThat(answer.get("status")).isEqualTo(403L);
        JsonNode body = JSON.readTree((String) answer.get("body"));
        assertThat(body.path("message").asText()).isEqualTo("invalid claim");
        assertThat(body.path("claimValidationErrors").get(0).path("id").asText())
                .isEqualTo("st-ev");
    }
}
