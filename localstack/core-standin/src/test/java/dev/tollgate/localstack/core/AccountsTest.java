package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testkit.CdiCalls;
import dev.tollgate.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Users (by id, by account info) and email verification, as supertokens-node calls them. */
class AccountsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @AutoClose
    private static final StandIn standIn = StandIn.start(config -> config.clock(CLOCK));

    private static final CdiCalls calls = standIn.calls();

    @Test
    void userByIdAnswersTheSignUpShapeOrUnknown() {
        JsonNode signUp = calls.signUp("by-id@example.com", "secret-1");
        String id = signUp.get("user").get("id").asText();

        JsonNode reply = calls.getJson("/user/id?userId=" + id);

        assertThat(reply.fieldNames()).toIterable().containsExactly("status", "user");
        assertThat(reply.get("user")).isEqualTo(signUp.get("user"));
        assertThat(calls.getJson("/user/id?userId=nobody").toString())
                .isEqualTo("{\"status\":\"UNKNOWN_USER_ID_ERROR\"}");
    }

    @Test
    void usersByAccountInfoFindsByNormalisedEmail() {
        JsonNode signUp = calls.signUp("by-info@example.com", "secret-1");

        JsonNode found = calls.getJson(
                "/public/users/by-accountinfo?email=%20BY-INFO%40example.com" + "&doUnionOfAccountInfo=true");
        JsonNode none =
                calls.getJson("/public/users/by-accountinfo?email=other%40example.com&doUnionOfAccountInfo=false");
        JsonNode intersect = calls.getJson("/public/users/by-accountinfo?email=by-info%40example.com"
                + "&phoneNumber=%2B14155550100&doUnionOfAccountInfo=false");

        assertThat(found.fieldNames()).toIterable().containsExactly("status", "users");
        assertThat(found.get("users")).containsExactly(signUp.get("user"));
        assertThat(none.toString()).isEqualTo("{\"status\":\"OK\",\"users\":[]}");
        assertThat(intersect.get("users")).isEmpty();
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        calls.signUp("known@example.com", "right-password");

        JsonNode unknown = calls.postJson(
                "/public/recipe/signin", Map.of("email", "unknown@example.com", "password", "right-password"));
        JsonNode wrong = calls.postJson(
                "/public/recipe/signin", Map.of("email", "known@example.com", "password", "wrong-password"));

        assertThat(unknown).isEqualTo(wrong);
        assertThat(unknown.toString()).isEqualTo("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}");
    }

    @Test
    void emailVerificationFlow() {
        String id = calls.signUp("verify@example.com", "secret-1")
                .get("user")
                .get("id")
                .asText();
        String isVerified = "/recipe/user/email/verify?userId=" + id + "&email=verify%40example.com";
        assertThat(calls.getJson(isVerified).toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":false}");

        JsonNode created = calls.postJson(
                "/public/recipe/user/email/verify/token", Map.of("userId", id, "email", "Verify@Example.com"));
        assertThat(created.fieldNames()).toIterable().containsExactly("status", "token");
        String token = created.get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{40,}");

        JsonNode verified =
                calls.postJson("/public/recipe/user/email/verify", Map.of("method", "token", "token", token));
        assertThat(verified.toString())
                .isEqualTo("{\"status\":\"OK\",\"userId\":\"" + id + "\",\"email\":\"verify@example.com\"}");
        assertThat(calls.getJson(isVerified).get("isVerified").asBoolean()).isTrue();
        assertThat(calls.getJson("/user/id?userId=" + id)
                        .at("/user/loginMethods/0/verified")
                        .asBoolean())
                .isTrue();

        assertThat(calls.postJson("/public/recipe/user/email/verify", Map.of("method", "token", "token", token))
                        .toString())
                .isEqualTo("{\"status\":\"EMAIL_VERIFICATION_INVALID_TOKEN_ERROR\"}");
        assertThat(calls.postJson(
                                "/public/recipe/user/email/verify/token",
                                Map.of("userId", id, "email", "verify@example.com"))
                        .toString())
                .isEqualTo("{\"status\":\"EMAIL_ALREADY_VERIFIED_ERROR\"}");
    }

    @Test
    void verificationTokensExpireAfterADay() {
        String id = calls.signUp("late@example.com", "secret-1")
                .get("user")
                .get("id")
                .asText();
        String token = calls.postJson(
                        "/public/recipe/user/email/verify/token", Map.of("userId", id, "email", "late@example.com"))
                .get("token")
                .asText();

        CLOCK.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(calls.postJson("/public/recipe/user/email/verify", Map.of("method", "token", "token", token))
                        .get("status")
                        .asText())
                .isEqualTo("EMAIL_VERIFICATION_INVALID_TOKEN_ERROR");
    }

    @Test
    void aSessionsClaimCanFollowTheVerification() {
        String id = calls.signUp("claim@example.com", "secret-1")
                .get("user")
                .get("id")
                .asText();
        JsonNode session =
                calls.createSession(id, CdiCalls.MAPPER.createObjectNode().put("st-ev", false), false);
        String token = calls.postJson(
                        "/public/recipe/user/email/verify/token", Map.of("userId", id, "email", "claim@example.com"))
                .get("token")
                .asText();
        calls.postJson("/public/recipe/user/email/verify", Map.of("method", "token", "token", token));

        JsonNode regenerated = calls.postJson(
                "/recipe/session/regenerate",
                Map.of(
                        "accessToken",
                        session.get("accessToken").get("token").asText(),
                        "userDataInJWT",
                        Map.of("st-ev", true)));

        assertThat(CdiCalls.read(CdiCalls.segment(
                                regenerated.get("accessToken").get("token").asText(), 1))
                        .get("st-ev")
                        .asBoolean())
                .isTrue();
    }
}
