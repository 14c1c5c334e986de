package dev.tollgate.session.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/supertokens.md#request-parsing: the exact prefix {@code Bearer }, the rest trimmed. */
class BearerTokenTest {

    static Headers authorization(String... values) {
        Headers.Builder b = Headers.builder();
        for (String v : values) {
            b.add("Authorization", v);
        }
        return b.build();
    }

    @Test
    void theTokenFollowsTheExactPrefixTrimmed() {
        assertThat(BearerToken.from(authorization("Bearer abc.def"))).isEqualTo("abc.def");
        assertThat(BearerToken.from(authorization("Bearer   abc \t"))).isEqualTo("abc");
    }

    @Test
    void anythingElseIsNoHeaderToken() {
        assertThat(BearerToken.from(Headers.empty())).isNull();
        assertThat(BearerToken.from(authorization("bearer abc"))).isNull();
        assertThat(BearerToken.from(authorization("Bearerabc"))).isNull();
        assertThat(BearerToken.from(authorization("Basic YTpi"))).isNull();
        assertThat(BearerToken.from(authorization("Bearer "))).isNull();
        assertThat(BearerToken.from(authorization("Bearer \u2003 "))).isNull();
    }

    @Test
    void theFirstAuthorizationHeaderCounts() {
        assertThat(BearerToken.from(authorization("Bearer first", "Bearer second")))
                .isEqualTo("first");
        assertThat(BearerToken.from(authorization("Basic YTpi", "Bearer second")))
                .isNull();
    }
}
