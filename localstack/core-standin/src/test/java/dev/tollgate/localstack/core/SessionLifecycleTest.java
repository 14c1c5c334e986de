package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.testkit.CdiCalls;
import dev.tollgate.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Rotation, promotion, theft, regenerate, expiry and revocation (docs/supertokens.md#core-verify, #rotation), with a movable clock. */
class SessionLifecycleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @AutoClose
    private final StandIn standIn = StandIn.start(config -> config.accessTokenValidity(Duration.ofSeconds(60))
            .refreshTokenValidity(Duration.ofMinutes(10))
            .clock(clock));

    private final CdiCalls calls = standIn.calls();

    private JsonNode newSession() {
        return calls.createSession("user-1", CdiCalls.MAPPER.createObjectNode().put("st-ev", false), false);
    }

    private static String token(JsonNode reply, String field) {
        return reply.get(field).get("token").asText();
    }

    @Test
    void refreshWithTheCurrentParentDoesNotRotateUntilTheChildIsUsed() {
        JsonNode created = newSession();
        String rt0 = token(created, "refreshToken");

        JsonNode first = calls.refresh(rt0);
        JsonNode again = calls.refresh(rt0);

        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(again.get("status").asText()).isEqualTo("OK");
        assertThat(token(again, "refreshToken")).isNotEqualTo(token(first, "refreshToken"));
    }

    @Test
    void refreshingWithTheChildPromotesItAndMakesTheParentTheft() {
        JsonNode created = newSession();
        String rt0 = token(created, "refreshToken");
        String rt1 = token(calls.refresh(rt0), "refreshToken");

        JsonNode second = calls.refresh(rt1);
        assertThat(second.get("status").asText()).isEqualTo("OK");
        JsonNode payload = CdiCalls.read(CdiCalls.segment(token(second, "accessToken"), 1));
        assertThat(payload.get("parentRefreshTokenHash1").asText()).isEqualTo(GoldenResponsesTest.sha256(rt1));

        JsonNode theft = calls.refresh(rt0);
        assertThat(theft.get("status").asText()).isEqualTo("TOKEN_THEFT_DETECTED");
        assertThat(theft.get("session").get("handle").asText())
                .isEqualTo(created.get("session").get("handle").asText());
        assertThat(theft.get("session").get("userId").asText()).isEqualTo("user-1");
    }

    /** Two refreshes of one token, the first child then promoted by using its access token. */
    private record Siblings(JsonNode promoted, JsonNode other) {}

    private Siblings siblingsWithOnePromoted() {
        String rt0 = token(newSession(), "refreshToken");
        JsonNode childA = calls.refresh(rt0);
        JsonNode childB = calls.refresh(rt0);
        calls.verify(token(childA, "accessToken"), false);
        return new Siblings(childA, childB);
    }

    @Test
    void aSiblingChildIsTheftOnceAnotherChildWasPromoted() {
        Siblings children = siblingsWithOnePromoted();

        assertThat(calls.refresh(token(children.other(), "refreshToken"))
                        .get("status")
                        .asText())
                .isEqualTo("TOKEN_THEFT_DETECTED");
        assertThat(calls.refresh(token(children.promoted(), "refreshToken"))
                        .get("status")
                        .asText())
                .isEqualTo("OK");
    }

    @Test
    void verifyOfAnOldLineageTokenAnswersOkWithoutANewToken() {
        Siblings children = siblingsWithOnePromoted();

        JsonNode stale = calls.verify(token(children.other(), "accessToken"), false);

        assertThat(stale.get("status").asText()).isEqualTo("OK");
        assertThat(stale.has("accessToken")).isFalse();
    }

    @Test
    void expiredAccessTokenMeansTryRefresh() {
        String at = token(newSession(), "accessToken");
        clock.advance(Duration.ofSeconds(61));

        JsonNode reply = calls.verify(at, false);

        assertThat(reply.toString())
                .isEqualTo("{\"status\":\"TRY_REFRESH_TOKEN\",\"message\":\"Access token expired\"}");
    }

    @Test
    void tamperedAccessTokenMeansTryRefresh() {
        String at = token(newSession(), "accessToken");
        String[] parts = at.split("\\.");
        String payload = CdiCalls.segment(at, 1).replace("\"st-ev\":false", "\"st-ev\":true");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(forged).isNotEqualTo(at);

        JsonNode reply = calls.verify(forged, false);

        assertThat(reply.get("status").asText()).isEqualTo("TRY_REFRESH_TOKEN");
        assertThat(reply.get("message").asText())
                .isEqualTo("io.supertokens.session.jwt.JWT$JWTException: " + "JWT verification failed");
        assertThat(calls.verify("a.b", false).get("message").asText())
                .isEqualTo("io.supertokens.session.jwt.JWT$JWTException: Invalid JWT");
    }

    @Test
    void expiredSessionCannotRefresh() {
        String rt0 = token(newSession(), "refreshToken");
        clock.advance(Duration.ofMinutes(11));

        JsonNode reply = calls.refresh(rt0);

        assertThat(reply.toString())
                .isEqualTo("{\"status\":\"UNAUTHORISED\",\"message\":\"Session missing in db or has expired\"}");
    }

    @Test
    void promotionExtendsTheSession() {
        String rt0 = token(newSession(), "refreshToken");
        clock.advance(Duration.ofMinutes(8));
        String rt1 = token(calls.refresh(rt0), "refreshToken");
        clock.advance(Duration.ofMinutes(1));
        String rt2 = token(calls.refresh(rt1), "refreshToken"); // promotes rt1: expiry now + 10 min
        clock.advance(Duration.ofMinutes(8));

        assertThat(calls.refresh(rt2).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void regenerateChangesClaimsAndVerifyWithDatabaseCheckHandsOutTheNewPayload() {
        JsonNode created = newSession();
        String at0 = token(created, "accessToken");
        ObjectNode claims = CdiCalls.MAPPER.createObjectNode().put("st-ev", true);

        JsonNode regenerated =
                calls.postJson("/recipe/session/regenerate", Map.of("accessToken", at0, "userDataInJWT", claims));

        assertThat(regenerated.fieldNames()).toIterable().containsExactly("session", "accessToken", "status");
        assertThat(regenerated.get("session").get("userDataInJWT")).isEqualTo(claims);
        String at1 = token(regenerated, "accessToken");
        JsonNode payload = CdiCalls.read(CdiCalls.segment(at1, 1));
        assertThat(payload.get("st-ev").asBoolean()).isTrue();
        assertThat(payload.get("exp"))
                .isEqualTo(CdiCalls.read(CdiCalls.segment(at0, 1)).get("exp"));

        JsonNode viaOldToken = calls.verify(at0, true);
        assertThat(viaOldToken.get("session").get("userDataInJWT")).isEqualTo(claims);
        assertThat(CdiCalls.read(CdiCalls.segment(token(viaOldToken, "accessToken"), 1))
                        .get("st-ev")
                        .asBoolean())
                .isTrue();
        assertThat(calls.verify(at0, false).has("accessToken")).isFalse();

        JsonNode refreshed = calls.refresh(token(created, "refreshToken"));
        assertThat(refreshed.get("session").get("userDataInJWT")).isEqualTo(claims);
    }

    @Test
    void regenerateOfAnExpiredTokenUpdatesClaimsWithoutANewToken() {
        JsonNode created = newSession();
        clock.advance(Duration.ofSeconds(61));

        JsonNode regenerated = calls.postJson(
                "/recipe/session/regenerate",
                Map.of("accessToken", token(created, "accessToken"), "userDataInJWT", Map.of("st-ev", true)));

        assertThat(regenerated.fieldNames()).toIterable().containsExactly("session", "status");
        assertThat(calls.getJson("/recipe/session?sessionHandle="
                                + created.get("session").get("handle").asText())
                        .get("userDataInJWT")
                        .get("st-ev")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void regenerateOfARemovedSessionIsUnauthorised() {
        JsonNode created = newSession();
        calls.postJson("/recipe/session/remove", Map.of("userId", "user-1"));

        JsonNode reply = calls.postJson(
                "/recipe/session/regenerate",
                Map.of("accessToken", token(created, "accessToken"), "userDataInJWT", Map.of()));

        assertThat(reply.toString()).isEqualTo("{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}");
    }

    @Test
    void getSessionShowsTheStoredRow() {
        JsonNode created = newSession();
        String handle = created.get("session").get("handle").asText();

        JsonNode row = calls.getJson("/recipe/session?sessionHandle=" + handle);

        assertThat(row.fieldNames())
                .toIterable()
                .containsExactly(
                        "sessionHandle",
                        "userId",
                        "recipeUserId",
                        "userDataInDatabase",
                        "expiry",
                        "userDataInJWT",
                        "timeCreated",
                        "status",
                        "tenantId");
        assertThat(row.get("expiry").asLong())
                .isEqualTo(clock.millis() + Duration.ofMinutes(10).toMillis());
        assertThat(row.get("timeCreated").asLong()).isEqualTo(clock.millis());
        assertThat(calls.getJson("/recipe/session?sessionHandle=nope").toString())
                .isEqualTo("{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}");
    }

    @Test
    void removeByUserRevokesEverySessionOfTheUser() {
        String a = newSession().get("session").get("handle").asText();
        String b = newSession().get("session").get("handle").asText();
        calls.createSession("someone-else", CdiCalls.MAPPER.createObjectNode(), false);

        assertThat(calls.getJson("/recipe/session/user?userId=user-1").get("sessionHandles"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(a, b);
        JsonNode removed = calls.postJson("/recipe/session/remove", Map.of("userId", "user-1"));

        assertThat(removed.get("sessionHandlesRevoked"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(a, b);
        assertThat(calls.postJson("/recipe/session/remove", Map.of("sessionHandles", List.of(a)))
                        .get("sessionHandlesRevoked"))
                .isEmpty();
    }

    @Test
    void removedSessionCannotRefresh() {
        JsonNode created = newSession();
        calls.postJson(
                "/recipe/session/remove",
                Map.of(
                        "sessionHandles",
                        List.of(created.get("session").get("handle").asText())));

        assertThat(calls.refresh(token(created, "refreshToken")).get("message").asText())
                .isEqualTo("Session missing in db or has expired");
    }

    @Test
    void antiCsrfRefreshNeedsTheMatchingToken() {
        JsonNode created = calls.createSession("csrf", CdiCalls.MAPPER.createObjectNode(), true);
        String rt = token(created, "refreshToken");

        JsonNode wrong = calls.refreshWithAntiCsrf(rt, "wrong");
        JsonNode right =
                calls.refreshWithAntiCsrf(rt, created.get("antiCsrfToken").asText());

        assertThat(wrong.toString())
                .isEqualTo("{\"status\":\"UNAUTHORISED\",\"message\":\"Anti CSRF token missing, or not matching\"}");
        assertThat(right.get("status").asText()).isEqualTo("OK");
        assertThat(right.get("antiCsrfToken").asText())
                .isNotEqualTo(created.get("antiCsrfToken").asText());
    }

    @Test
    void antiCsrfCanBeSwitchedOffForTheWholeStandIn() {
        try (StandIn withoutCsrf =
                StandIn.start(config -> config.antiCsrfEnabled(false).clock(clock))) {
            JsonNode created = withoutCsrf.calls().createSession("csrf", CdiCalls.MAPPER.createObjectNode(), true);

            assertThat(created.has("antiCsrfToken")).isFalse();
            assertThat(CdiCalls.read(CdiCalls.segment(token(created, "accessToken"), 1))
                            .get("antiCsrfToken")
                            .isNull())
                    .isTrue();
        }
    }

    @Test
    void staticKeySessionsAreSignedWithTheStaticKey() {
        JsonNode created = calls.postJson(
                "/public/recipe/session",
                Map.of(
                        "userId",
                        "u",
                        "userDataInJWT",
                        Map.of(),
                        "userDataInDatabase",
                        Map.of(),
                        "useDynamicSigningKey",
                        false,
                        "enableAntiCsrf",
                        false));
        String at = token(created, "accessToken");

        assertThat(CdiCalls.read(CdiCalls.segment(at, 0)).get("kid").asText()).startsWith("s-");
        assertThat(calls.verify(at, true).get("status").asText()).isEqualTo("OK");
        JsonNode refreshed = calls.refresh(token(created, "refreshToken"));
        assertThat(CdiCalls.read(CdiCalls.segment(token(refreshed, "accessToken"), 0))
                        .get("kid")
                        .asText())
                .startsWith("d-");
    }
}
