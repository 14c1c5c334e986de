package dev.tollgate.session.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.testing.JwksServer;
import dev.tollgate.session.testing.TokenMinter;
import dev.tollgate.session.transfer.TokenTransferMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionVerifierTest {
    static final String KID = "d-1795710292238";
    static final long NOW_S = 1_795_710_700L;

    JwksServer jwks;
    AtomicLong clock = new AtomicLong(NOW_S * 1000);
    SessionVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(KID);
        SessionConfig config = SessionConfig.builder().coreUri(jwks.uri())
                .apiDomain(URI.create("http://localhost:4566")).apiGatewayPath("/dev").build();
        HttpClient http = CoreClient.newHttpClient(config);
        verifier = new SessionVerifier(config, new JwksCache(config, http, clock::get), new CoreClient(config, http),
                clock::get);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void validCookieTokenGivesTheSession() {
        String token = TokenMinter.v5(KID, NOW_S - 10);
        VerificationResult r = verifier.verify("GET", Headers.ofSingle(Map.of("Cookie", "sAccessToken=" + token)),
                VerifyOptions.optional());
        assertThat(r).isInstanceOf(VerifiedSession.class);
        VerifiedSession s = (VerifiedSession) r;
        assertThat(s.userId()).isEqualTo(TokenMinter.USER);
        assertThat(s.sessionHandle()).isEqualTo(TokenMinter.HANDLE);
        assertThat(s.tenantId()).isEqualTo("public");
        assertThat(s.transferMethod()).isEqualTo(TokenTransferMethod.COOKIE);
        assertThat(s.accessTokenUpdated()).isFalse();
    }

    @Test
    void noTokenIsNoSessionWhenOptionalAndUnauthorisedWithoutClearingWhenRequired() {
        assertThat(verifier.verify("GET", Headers.empty(), VerifyOptions.optional())).isEqualTo(NoSession.INSTANCE);
        assertThat(verifier.verify("GET", Headers.empty(), VerifyOptions.required()))
                .isEqualTo(new SessionError.Unauthorised(false, "no_session"));
    }

    @Test
    void expiredTokenIsTryRefreshEvenWhenOptional() {
        String token = TokenMinter.v5(KID, NOW_S - 3600);
        VerificationResult r = verifier.verify("GET",
                Headers.ofSingle(Map.of("authorization", "Bearer " + token)), VerifyOptions.optional());
        assertThat(r).isEqualTo(new SessionError.TryRefreshToken("expired"));
        assertThat(ErrorResponses.of((SessionError) r))
                .isEqualTo(new ErrorResponse(401, "{\"message\":\"try refresh token\"}", false));
    }
}
