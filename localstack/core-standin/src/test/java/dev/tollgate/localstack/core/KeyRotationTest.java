package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testkit.CdiCalls;
import dev.tollgate.testkit.Jwks;
import dev.tollgate.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Dynamic signing keys rotate on the configured interval (docs/supertokens.md#signing-keys): a new key is published 60 s
 * before it signs, and old keys stay in the JWKS, verifying their tokens, for interval + 2 × validity.
 */
class KeyRotationTest {

    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration VALIDITY = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @AutoClose
    private final StandIn standIn = StandIn.start(config ->
            config.keyRotationInterval(INTERVAL).accessTokenValidity(VALIDITY).clock(clock));

    private final CdiCalls calls = standIn.calls();

    private List<String> dynamicKids() {
        List<String> kids = new ArrayList<>();
        calls.getJson("/.well-known/jwks.json").get("keys").forEach(key -> {
            if (key.get("kid").asText().startsWith("d-")) {
                kids.add(key.get("kid").asText());
            }
        });
        return kids;
    }

    private static String kidOf(String jwt) {
        return CdiCalls.read(CdiCalls.segment(jwt, 0)).get("kid").asText();
    }

    @Test
    void keyIdIsTheCreationTime() {
        assertThat(dynamicKids()).containsExactly("d-" + clock.millis());
    }

    @Test
    void cacheControlCountsDownToTheNextKey() {
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> response = calls.get("/.well-known/jwks.json");

        assertThat(response.headers().firstValue("cache-control"))
                .hasValue("max-age=" + (INTERVAL.toSeconds() - 60 - 600) + ", must-revalidate");
    }

    @Test
    void newKeyIsPublishedBeforeItSignsAndOldTokensKeepVerifying() {
        JsonNode created = calls.createSession("u", CdiCalls.MAPPER.createObjectNode(), false);
        String oldKid = kidOf(created.get("accessToken").get("token").asText());
        String rt = created.get("refreshToken").get("token").asText();

        clock.advance(INTERVAL.minusSeconds(60));
        List<String> published = dynamicKids();
        assertThat(published).hasSize(2).endsWith(oldKid);
        String newKid = published.get(0);
        assertThat(newKid).isEqualTo("d-" + clock.millis());

        JsonNode duringOverlap = calls.refresh(rt);
        assertThat(kidOf(duringOverlap.get("accessToken").get("token").asText()))
                .isEqualTo(oldKid);
        String signedByOld = duringOverlap.get("accessToken").get("token").asText();

        clock.advance(Duration.ofSeconds(61));
        JsonNode afterOverlap =
                calls.refresh(duringOverlap.get("refreshToken").get("token").asText());
        String signedByNew = afterOverlap.get("accessToken").get("token").asText();
        assertThat(kidOf(signedByNew)).isEqualTo(newKid);

        JsonNode jwks = calls.getJson("/.well-known/jwks.json");
        assertThat(Jwks.verifies(jwks, signedByOld)).isTrue();
        assertThat(Jwks.verifies(jwks, signedByNew)).isTrue();
        assertThat(calls.verify(signedByOld, false).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void oldKeyLeavesTheJwksAfterIntervalPlusTwiceTheValidity() {
        String oldKid = dynamicKids().get(0);

        clock.advance(INTERVAL.plus(VALIDITY.multipliedBy(2)));
        assertThat(dynamicKids()).contains(oldKid);

        clock.advance(Duration.ofSeconds(1));
        assertThat(dynamicKids()).doesNotContain(oldKid).hasSize(1);
    }

    @Test
    void tokenSignedByARetiredKeyIsTryRefresh() {
        JsonNode created = calls.createSession("u", CdiCalls.MAPPER.createObjectNode(), false);
        clock.advance(INTERVAL.plus(VALIDITY.multipliedBy(2)).plusSeconds(1));

        JsonNode reply = calls.verify(created.get("accessToken").get("token").asText(), false);

        assertThat(reply.get("status").asText()).isEqualTo("TRY_REFRESH_TOKEN");
        assertThat(reply.get("message").asText()).endsWith("Key not found");
    }
}
