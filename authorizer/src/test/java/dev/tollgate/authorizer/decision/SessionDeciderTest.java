package dev.tollgate.authorizer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a verified session forwards; the cases the real verifier cannot produce on demand. */
class SessionDeciderTest {

    private static final TokenInfo NEW_TOKEN = new TokenInfo("new.jwt.value", 2_000_000_000_000L, 1_000L);

    private static VerifiedSession session(TokenTransferMethod via, TokenInfo replacement, ResponseTokens tokens) {
        return new VerifiedSession(
                "user-1",
                "user-1",
                "handle",
                "public",
                JsonNodeFactory.instance.objectNode(),
                "jwt",
                1L,
                via,
                replacement,
                tokens);
    }

    @Test
    void aSessionWithoutReplacementForwardsNothing() {
        assertThat(SessionDecider.allow(session(TokenTransferMethod.COOKIE, null, ResponseTokens.NONE)))
                .isEqualTo(new Decision.Allow(Reason.SESSION_VALID, "user-1", null, null));
    }

    @Test
    void oneCookieIsForwardedWithTheFrontToken() {
        ResponseTokens tokens = new ResponseTokens(
                List.of("sAccessToken=new.jwt.value; Path=/"),
                Map.of("front-token", "eyJ1aWQiOiJ1c2VyLTEifQ==", "Access-Control-Expose-Headers", "front-token"));

        assertThat(SessionDecider.allow(session(TokenTransferMethod.COOKIE, NEW_TOKEN, tokens)))
                .isEqualTo(new Decision.Allow(
                        Reason.SESSION_VALID_NEW_TOKEN,
                        "user-1",
                        "sAccessToken=new.jwt.value; Path=/",
                        "eyJ1aWQiOiJ1c2VyLTEifQ=="));
    }

    @Test
    void twoCookiesAreNeverJoinedButSendTheClientToTheRefreshRoute() {
        ResponseTokens tokens = new ResponseTokens(
                List.of("sAccessToken=a; Path=/", "sRefreshToken=b; Path=/dev/auth/session/refresh"),
                Map.of("front-token", "x"));

        assertThat(SessionDecider.allow(session(TokenTransferMethod.COOKIE, NEW_TOKEN, tokens)))
                .isEqualTo(new Decision.Unauthorized(Reason.COOKIES_NEED_REFRESH, "user-1", null));
    }

    @Test
    void aHeaderModeReplacementIsDroppedWithItsFrontToken() {
        ResponseTokens tokens =
                new ResponseTokens(List.of(), Map.of("front-token", "x", "st-access-token", "new.jwt.value"));

        assertThat(SessionDecider.allow(session(TokenTransferMethod.HEADER, NEW_TOKEN, tokens)))
                .isEqualTo(new Decision.Allow(Reason.SESSION_VALID, "user-1", null, null));
    }
}
