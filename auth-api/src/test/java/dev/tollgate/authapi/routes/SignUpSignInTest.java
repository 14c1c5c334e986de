package dev.tollgate.authapi.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.authapi.fixtures.TestApi;
import dev.tollgate.authapi.fixtures.TestApi.Response;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sign-up and sign-in as web-js calls them (docs/supertokens.md#form-fields, #sign-in-up), compared with the golden node capture. */
class SignUpSignInTest {

    private final TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private Response signUp(String email, String password, boolean cookieMode) {
        TestApi.Request request =
                api.request("POST", "/auth/signup").rid("emailpassword").credentials(email, password);
        return (cookieMode ? request.cookieMode() : request).send();
    }

    @Test
    void signUpInCookieModeAnswersLikeNode() {
        Response response = signUp("Ann@Example.com", "password123", true);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("OK");
        JsonNode user = body.get("user");
        assertThat(user.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "isPrimaryUser",
                        "tenantIds",
                        "emails",
                        "phoneNumbers",
                        "thirdParty",
                        "webauthn",
                        "loginMethods",
                        "timeJoined");
        assertThat(user.get("emails").get(0).asText()).isEqualTo("ann@example.com");
        assertThat(user.get("webauthn").get("credentialIds").isArray()).isTrue();
        JsonNode method = user.get("loginMethods").get(0);
        assertThat(method.fieldNames())
                .toIterable()
                .containsExactly("recipeId", "recipeUserId", "tenantIds", "email", "timeJoined", "verified");
        assertThat(method.get("recipeId").asText()).isEqualTo("emailpassword");
        assertThat(method.get("verified").asBoolean()).isFalse();

        // Two cookies, each its own Set-Cookie entry, with node's attributes (golden capture)
        assertThat(response.setCookies()).hasSize(2);
        String access = response.setCookie("sAccessToken");
        assertThat(access).matches("sAccessToken=eyJ[^;]+; Path=/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax");
        ZonedDateTime expires = ZonedDateTime.parse(
                access.replaceAll(".*Expires=([^;]+);.*", "$1"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(expires.toInstant().toEpochMilli())
                .isCloseTo(System.currentTimeMillis() + 31_536_000_000L, within(60_000L));
        String refresh = response.setCookie("sRefreshToken");
        assertThat(refresh)
                .matches(
                        "sRefreshToken=[^;]+; Path=/dev/auth/session/refresh; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax");
        String refreshValue = refresh.substring("sRefreshToken=".length(), refresh.indexOf(';'));
        assertThat(refreshValue).doesNotContain("+", "/", "=").contains("%");
        assertThat(response.header("st-access-token")).isNull();

        JsonNode front = response.frontToken();
        assertThat(front.get("uid").asText()).isEqualTo(user.get("id").asText());
        assertThat(front.get("ate").asLong())
                .isEqualTo(front.get("up").get("exp").asLong() * 1000);
        JsonNode payload = front.get("up");
        assertThat(payload.get("iss").asText()).isEqualTo("http://localhost:4000/dev/auth");
        assertThat(payload.get("st-ev").get("v").asBoolean()).isFalse();
        assertThat(payload.get("st-ev").get("t").asLong()).isCloseTo(System.currentTimeMillis(), within(60_000L));
        assertThat(payload.get("sub").asText()).isEqualTo(user.get("id").asText());

        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(TestApi.SITE);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token, anti-csrf");
    }

    @Test
    void withoutStAuthModeTheSessionTravelsInHeaders() {
        Response response = signUp("hdr@example.com", "password123", false);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("st-access-token")).startsWith("eyJ");
        assertThat(response.header("st-refresh-token")).isNotBlank();
        assertThat(response.header("front-token")).isNotBlank();
        assertThat(api.core.calls()).contains("POST /public/recipe/session");
    }

    @Test
    void aTakenEmailIsAFieldError() {
        signUp("dup@example.com", "password123", true);
        Response again = signUp(" DUP@example.com ", "password456", true);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().toString())
                .isEqualTo("{\"status\":\"FIELD_ERROR\",\"formFields\":[{\"id\":\"email\","
                        + "\"error\":\"This email already exists. Please sign in instead.\"}]}");
        assertThat(again.setCookies()).isEmpty();
        assertThat(again.header("front-token")).isNull();
    }

    @Test
    void badFieldsAreFieldErrorsAndNeverReachTheCore() {
        Response response = signUp("not-an-email", "short", true);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString())
                .isEqualTo(
                        "{\"status\":\"FIELD_ERROR\",\"formFields\":["
                                + "{\"id\":\"email\",\"error\":\"Email is invalid\"},"
                                + "{\"id\":\"password\",\"error\":\"Password must contain at least 8 characters, including a number\"}]}");
        assertThat(api.core.calls()).noneMatch(call -> call.contains("signup"));
    }

    @Test
    void malformedBodiesAre400WithAMessage() {
        Response notJson = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .json("{\"formFields\": [")
                .send();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("message").asText()).isEqualTo("Request body is not valid JSON");
        Response array = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .json("[]")
                .send();
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("message").asText()).isEqualTo("Request body must be a JSON object");
        Response noFields = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .json("{}")
                .send();
        assertThat(noFields.status()).isEqualTo(400);
        assertThat(noFields.json().get("message").asText()).isEqualTo("Missing input param: formFields");
        assertThat(noFields.header("Access-Control-Allow-Origin")).isEqualTo(TestApi.SITE);
    }

    @Test
    void signInCreatesAFreshSessionAndSaysWhenCredentialsAreWrong() {
        String userId = signUp("bob@example.com", "password123", true)
                .json()
                .get("user")
                .get("id")
                .asText();

        Response ok = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .cookieMode()
                .credentials("  BOB@example.com", "password123")
                .send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo("OK");
        assertThat(ok.json().get("user").get("id").asText()).isEqualTo(userId);
        assertThat(ok.setCookie("sAccessToken")).isNotNull();
        assertThat(ok.setCookie("sRefreshToken")).isNotNull();
        assertThat(api.core.sessionHandles(userId)).hasSize(2);

        Response wrongPassword = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .cookieMode()
                .credentials("bob@example.com", "password124")
                .send();
        Response unknown = api.request("POST", "/auth/public/signin")
                .rid("emailpassword")
                .cookieMode()
                .credentials("nobody@example.com", "password123")
                .send();
        for (Response wrong : new Response[] {wrongPassword, unknown}) {
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(wrong.json().toString()).isEqualTo("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}");
            assertThat(wrong.setCookies()).isEmpty();
        }
    }

    @Test
    void newSessionsCarryTheUserRolesClaimsLikeNodesUserRolesRecipe() {
        Response signUp = signUp("roles@example.com", "password123", true);
        JsonNode fresh = signUp.frontToken().get("up");
        // a user without roles: both claims present, empty, with the fetch time as t
        assertThat(fresh.get("st-role").get("v").isArray()).isTrue();
        assertThat(fresh.get("st-role").get("v")).isEmpty();
        assertThat(fresh.get("st-perm").get("v")).isEmpty();
        assertThat(fresh.get("st-role").get("t").asLong()).isCloseTo(System.currentTimeMillis(), within(60_000L));
        assertThat(fresh.get("st-perm").get("t").asLong())
                .isEqualTo(fresh.get("st-role").get("t").asLong());

        String userId = signUp.json().get("user").get("id").asText();
        api.core.grantRole(userId, "admin", java.util.List.of("notes:count", "notes:read"));
        api.core.grantRole(userId, "reader", java.util.List.of("notes:read"));
        Response signIn = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .cookieMode()
                .credentials("roles@example.com", "password123")
                .send();
        JsonNode payload = signIn.frontToken().get("up");
        assertThat(payload.get("st-role").get("v")).extracting(JsonNode::asText).containsExactly("admin", "reader");
        // permissions of all roles, each once (node's PermissionClaim)
        assertThat(payload.get("st-perm").get("v"))
                .extracting(JsonNode::asText)
                .containsExactly("notes:count", "notes:read");
        assertThat(payload.get("st-ev").get("v").asBoolean()).isFalse();
    }

    @Test
    void signInDoesNotValidatePasswordStrength() {
        Response response = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .credentials("a@b.co", "x")
                .send();
        assertThat(response.json().get("status").asText()).isEqualTo("WRONG_CREDENTIALS_ERROR");
    }

    @Test
    void signingInReplacesTokensLeftInTheOtherTransferMethod() {
        Response headerSession = signUp("mix@example.com", "password123", false);
        Response cookieSignIn = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .cookieMode()
                .bearer(headerSession.header("st-access-token"))
                .credentials("mix@example.com", "password123")
                .send();
        assertThat(cookieSignIn.header("st-access-token")).isEmpty();
        assertThat(cookieSignIn.header("st-refresh-token")).isEmpty();
        assertThat(cookieSignIn.setCookie("sAccessToken")).startsWith("sAccessToken=eyJ");
        assertThat(cookieSignIn.header("front-token")).isNotEqualTo("remove");
    }

    @Test
    void aFailingCoreIsA500ThatSaysSo() {
        api.core.failWith(503);
        Response response = signUp("down@example.com", "password123", true);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("message").asText()).isEqualTo("The SuperTokens core failed: sign up");
    }

    @Test
    void logsOneLinePerRequestWithoutSecrets() throws Exception {
        Response response = signUp("log@example.com", "password123", true);
        assertThat(api.logLines()).hasSize(1);
        JsonNode line = api.logLines().get(0);
        assertThat(line.get("route").asText()).isEqualTo("/signup");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("userId").asText())
                .isEqualTo(response.json().get("user").get("id").asText());
        assertThat(api.rawLog()).doesNotContain("password123", "log@example.com", response.header("front-token"));
    }
}
