package dev.tollgate.session.verify;

import static dev.tollgate.session.verify.VerifierFixture.KID;
import static dev.tollgate.session.verify.VerifierFixture.NOW_S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.http.Headers;
import dev.tollgate.testkit.AccessTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionVerifier#REQUEST_HEADERS} is a promise to callers that hand over only those headers:
 * each one named changes an outcome, and dropping every other header never does.
 */
class RequestHeadersTest {
    private static final String TOKEN = AccessTokens.v5(KID, NOW_S - 10);
    private static final String CSRF_TOKEN = AccessTokens.sign(
            AccessTokens.header(KID, 5), AccessTokens.payload(5, NOW_S - 10).put("antiCsrfToken", "c1"), KID);

    /** Headers a browser sends that the verification has no business reading. */
    private static final List<String> NOISE = List.of(
            "Host", "api.example.com",
            "Origin", "https://app.example.com",
            "st-auth-mode", "cookie",
            "front-token", "x",
            "X-Forwarded-For", "10.0.0.1",
            "Content-Type", "application/json");

    @Test
    void eachNamedHeaderChangesAnOutcome() throws Exception {
        try (VerifierFixture plain = new VerifierFixture();
                VerifierFixture viaHeader = new VerifierFixture(b -> b.antiCsrf(AntiCsrfMode.VIA_CUSTOM_HEADER));
                VerifierFixture viaToken = new VerifierFixture(b -> b.antiCsrf(AntiCsrfMode.VIA_TOKEN))) {
            assertThat(plain.get("Cookie", "sAccessToken=" + TOKEN)).isInstanceOf(VerifiedSession.class);
            assertThat(plain.get()).isEqualTo(NoSession.INSTANCE);

            assertThat(plain.get("Authorization", "Bearer " + TOKEN)).isInstanceOf(VerifiedSession.class);

            assertThat(viaHeader.verify(
                            "POST", VerifyOptions.optional(), "Cookie", "sAccessToken=" + TOKEN, "RID", "x"))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(viaHeader.verify("POST", VerifyOptions.optional(), "Cookie", "sAccessToken=" + TOKEN))
                    .isInstanceOf(VerificationFailed.class);

            assertThat(viaToken.verify(
                            "POST",
                            VerifyOptions.optional(),
                            "Cookie",
                            "sAccessToken=" + CSRF_TOKEN,
                            "Anti-CSRF",
                            "c1"))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(viaToken.verify("POST", VerifyOptions.optional(), "Cookie", "sAccessToken=" + CSRF_TOKEN))
                    .isInstanceOf(VerificationFailed.class);
        }
        assertThat(SessionVerifier.REQUEST_HEADERS)
                .allSatisfy(name -> assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT)));
    }

    @Test
    void onlyTheNamedHeadersDecide() throws Exception {
        List<List<String>> requests = List.of(
                List.of("Cookie", "sAccessToken=" + TOKEN),
                List.of("Cookie", "sAccessToken=" + TOKEN + "; sAccessToken=" + TOKEN),
                List.of("Cookie", "sIdRefreshToken=x; sAccessToken=" + TOKEN),
                List.of("Authorization", "Bearer " + TOKEN, "Cookie", "sAccessToken=garbage"),
                List.of("Cookie", "sAccessToken=" + CSRF_TOKEN, "anti-csrf", "c1", "rid", "anti-csrf"),
                List.of("Cookie", "sAccessToken=" + CSRF_TOKEN, "anti-csrf", "c2"),
                List.of());
        for (AntiCsrfMode mode : AntiCsrfMode.values()) {
            try (VerifierFixture f = new VerifierFixture(b -> b.antiCsrf(mode))) {
                for (List<String> request : requests) {
                    for (String method : List.of("GET", "POST")) {
                        VerificationResult onlyNamed =
                                f.verifier.verify(method, headers(request), VerifyOptions.optional());
                        List<String> all = new ArrayList<>(NOISE);
                        all.addAll(request);
                        VerificationResult withAll = f.verifier.verify(method, headers(all), VerifyOptions.optional());
                        assertThat(withAll)
                                .as("%s %s %s", mode, method, request.isEmpty() ? "no headers" : request.get(0))
                                .usingRecursiveComparison()
                                .isEqualTo(onlyNamed);
                    }
                }
            }
        }
    }

    private static Headers headers(List<String> pairs) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < pairs.size(); i += 2) {
            b.add(pairs.get(i), pairs.get(i + 1));
        }
        return b.build();
    }
}
