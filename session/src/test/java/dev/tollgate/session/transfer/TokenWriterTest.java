package dev.tollgate.session.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.testing.CaptureSetting;
import org.junit.jupiter.api.Test;

/** Golden values from the test resource golden/supertokens-node-fdi-signup-refresh.md. */
class TokenWriterTest {
    final SessionConfig config = CaptureSetting.writerConfig();
    final TokenWriter writer = new TokenWriter(config);

    @Test
    void refreshTokenCookieMatchesNodeByteForByte() {
        String token =
                "xMrTM1rmhndDLJDG5tamCm7Y3gd/eItE3B0GOgtUunYX0GfChIkkNQgIl9Oky/Mg4NqKnVuSaMw3VO2ZLNa04kyoVCuQy9fE+tQRMac6OsAIr3kHQXzvoWFwPCECzouXvgtAwQ7zb0Yt2QbQjANelO6KeLspeN26UyUcpku8txfnB9D/atzLAQTiob9XzCoXudyuTEiEZ5goSoD4k83DUUXdSOyuDmH6tctOYEDKny7lRJcrgX/NrwoJlQEMHijs+OJ+nAetV8V8+rjIYw8O.ae8541bc1760b4520deec2866fd1e5c899f8115a168dd291cd959717c428ab4c.V2";
        // Sat, 06 Mar 2027 16:31:24 GMT
        long expiry = 1_804_350_684_000L;
        assertThat(writer.refreshTokenCookie(token, expiry))
                .isEqualTo(
                        "sRefreshToken=xMrTM1rmhndDLJDG5tamCm7Y3gd%2FeItE3B0GOgtUunYX0GfChIkkNQgIl9Oky%2FMg4NqKnVuSaMw3VO2ZLNa04kyoVCuQy9fE%2BtQRMac6OsAIr3kHQXzvoWFwPCECzouXvgtAwQ7zb0Yt2QbQjANelO6KeLspeN26UyUcpku8txfnB9D%2FatzLAQTiob9XzCoXudyuTEiEZ5goSoD4k83DUUXdSOyuDmH6tctOYEDKny7lRJcrgX%2FNrwoJlQEMHijs%2BOJ%2BnAetV8V8%2BrjIYw8O.ae8541bc1760b4520deec2866fd1e5c899f8115a168dd291cd959717c428ab4c.V2; Path=/dev/auth/session/refresh; Expires=Sat, 06 Mar 2027 16:31:24 GMT; HttpOnly; SameSite=Lax");
    }

    @Test
    void clearingCookiesUseTheEpochAndTheSamePaths() {
        assertThat(writer.clearedAccessTokenCookie())
                .isEqualTo("sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        assertThat(writer.clearedRefreshTokenCookie())
                .isEqualTo(
                        "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }
}
