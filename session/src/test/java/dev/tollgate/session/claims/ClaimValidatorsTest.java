package dev.tollgate.session.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Node's validator semantics and reason objects (docs/supertokens.md#claim-validators). */
class ClaimValidatorsTest {
    static final ObjectMapper M = new ObjectMapper();
    static final long NOW = 1_795_710_700_000L;

    static ObjectNode payload(String json) throws Exception {
        return (ObjectNode) M.readTree(json);
    }

    static String reason(ClaimValidator v, ObjectNode p) {
        return v.validate(p, NOW).map(Object::toString).orElse("valid");
    }

    @Test
    void aBooleanClaimIsWrittenAsNodeWritesItAndReadBack() throws Exception {
        ObjectNode p = payload("{\"iss\":\"x\",\"st-ev\":{\"v\":true,\"t\":1}}");
        Claims.EMAIL_VERIFIED.putInto(p, false, NOW);
        assertThat(p.toString()).isEqualTo("{\"iss\":\"x\",\"st-ev\":{\"v\":false,\"t\":" + NOW + "}}");
        assertThat(Claims.EMAIL_VERIFIED.read(p)).contains(false);
        assertThat(reason(Claims.emailVerified(), p)).contains("wrong value");
        Claims.EMAIL_VERIFIED.putInto(p, true, NOW);
        assertThat(Claims.EMAIL_VERIFIED.read(p)).contains(true);
        assertThat(reason(Claims.emailVerified(), p)).isEqualTo("valid");
        assertThat(Claims.EMAIL_VERIFIED.read(payload("{}"))).isEmpty();
        assertThat(Claims.EMAIL_VERIFIED.read(payload("{\"st-ev\":{\"v\":\"true\"}}")))
                .isEmpty();
    }

    @Test
    void emailVerified() throws Exception {
        ClaimValidator v = Claims.emailVerified();
        assertThat(v.id()).isEqualTo("st-ev");
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":true,\"t\":1}}"))).isEqualTo("valid");
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":false,\"t\":1}}")))
                .isEqualTo("{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":false}");
        assertThat(reason(v, payload("{}"))).isEqualTo("{\"message\":\"value does not exist\",\"expectedValue\":true}");
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":null,\"t\":1}}")))
                .isEqualTo("{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":null}");
        assertThat(Claims.isEmailVerified(payload("{\"st-ev\":{\"v\":true,\"t\":1}}")))
                .isTrue();
        assertThat(Claims.isEmailVerified(payload("{\"st-ev\":{\"v\":\"true\",\"t\":1}}")))
                .isFalse();
    }

    @Test
    void maxAgeGivesExpiredWithTheAgeInSeconds() throws Exception {
        ClaimValidator v = Claims.emailVerified(60L);
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":true,\"t\":" + (NOW - 61_500) + "}}")))
                .isEqualTo("{\"message\":\"expired\",\"ageInSeconds\":61.5,\"maxAgeInSeconds\":60}");
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":true,\"t\":" + (NOW - 120_000) + "}}")))
                .isEqualTo("{\"message\":\"expired\",\"ageInSeconds\":120,\"maxAgeInSeconds\":60}");
        assertThat(reason(v, payload("{\"st-ev\":{\"v\":true,\"t\":" + (NOW - 60_000) + "}}")))
                .isEqualTo("valid");
    }

    @Test
    void rolesAndPermissions() throws Exception {
        ObjectNode p =
                payload("{\"st-role\":{\"v\":[\"admin\",\"user\"],\"t\":1},\"st-perm\":{\"v\":[\"read\"],\"t\":1}}");
        assertThat(reason(Claims.hasRole("admin"), p)).isEqualTo("valid");
        assertThat(reason(Claims.hasRole("root"), p))
                .isEqualTo(
                        "{\"message\":\"wrong value\",\"expectedToInclude\":\"root\",\"actualValue\":[\"admin\",\"user\"]}");
        assertThat(reason(Claims.hasPermission("write"), p))
                .isEqualTo("{\"message\":\"wrong value\",\"expectedToInclude\":\"write\",\"actualValue\":[\"read\"]}");
        assertThat(Claims.hasPermission("read").id()).isEqualTo("st-perm");
        assertThat(reason(Claims.ROLES.excludes("admin"), p))
                .isEqualTo(
                        "{\"message\":\"wrong value\",\"expectedToNotInclude\":\"admin\",\"actualValue\":[\"admin\",\"user\"]}");
        assertThat(reason(Claims.ROLES.includesAll(List.of("admin", "user")), p))
                .isEqualTo("valid");
        assertThat(reason(Claims.ROLES.includesAll(List.of("admin", "x")), p))
                .isEqualTo(
                        "{\"message\":\"wrong value\",\"expectedToInclude\":[\"admin\",\"x\"],\"actualValue\":[\"admin\",\"user\"]}");
        assertThat(reason(Claims.ROLES.includesAny(List.of("x", "user")), p)).isEqualTo("valid");
        assertThat(reason(Claims.ROLES.includesAny(List.of("x")), p))
                .isEqualTo(
                        "{\"message\":\"wrong value\",\"expectedToIncludeAtLeastOneOf\":[\"x\"],\"actualValue\":[\"admin\",\"user\"]}");
        assertThat(reason(Claims.ROLES.excludesAll(List.of("x", "y")), p)).isEqualTo("valid");
        assertThat(reason(Claims.ROLES.excludesAll(List.of("x", "user")), p))
                .isEqualTo(
                        "{\"message\":\"wrong value\",\"expectedToNotInclude\":[\"x\",\"user\"],\"actualValue\":[\"admin\",\"user\"]}");
    }

    @Test
    void missingArrayClaimsUseNodesReasonKeysIncludingTheIncludesAnyQuirk() throws Exception {
        ObjectNode p = payload("{}");
        assertThat(reason(Claims.hasRole("admin"), p))
                .isEqualTo("{\"message\":\"value does not exist\",\"expectedToInclude\":\"admin\"}");
        assertThat(reason(Claims.ROLES.includesAny(List.of("a")), p))
                .isEqualTo("{\"message\":\"value does not exist\",\"expectedToNotInclude\":[\"a\"]}");
        assertThat(reason(Claims.ROLES.excludes("a"), p))
                .isEqualTo("{\"message\":\"value does not exist\",\"expectedToNotInclude\":\"a\"}");
    }

    @Test
    void customValidators() throws Exception {
        ClaimValidator tenantIsAcme = ClaimValidator.custom(
                "tenant-acme",
                (payload, now) -> "acme".equals(payload.path("tId").asText())
                        ? Optional.empty()
                        : Optional.of(M.createObjectNode().put("message", "wrong tenant")));
        assertThat(Claims.check(tenantIsAcme, payload("{\"tId\":\"acme\"}"), NOW))
                .isEmpty();
        assertThat(Claims.check(tenantIsAcme, payload("{\"tId\":\"other\"}"), NOW))
                .hasValueSatisfying(e -> {
                    assertThat(e.id()).isEqualTo("tenant-acme");
                    assertThat(e.reason().toString()).isEqualTo("{\"message\":\"wrong tenant\"}");
                });
    }
}
