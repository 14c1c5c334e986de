package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tampering helpers of {@link TamperedTokenIT} always change the token, whatever its random characters. */
class TamperingTest {

    @ParameterizedTest
    @ValueSource(strings = {"xQ2b+/=.abc.V2", "yQ2b.abc.V2", "AQ2b.abc.V2", "%2BQ.abc.V2"})
    void replaceFirstCharChangesEveryRefreshToken(String token) {
        String tampered = TamperedTokenIT.replaceFirstChar(token);

        assertThat(tampered).isNotEqualTo(token).hasSameSizeAs(token).endsWith(token.substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h.p.sigA_", "h.p.sigB_", "h.p.sigAA", "h.p.sig-A"})
    void flipLastSignatureCharChangesEverySignature(String jwt) {
        String tampered = TamperedTokenIT.flipLastSignatureChar(jwt);

        assertThat(tampered).isNotEqualTo(jwt).hasSameSizeAs(jwt).startsWith("h.p.sig");
    }
}
