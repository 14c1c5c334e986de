package dev.tollgate.session.verify;

import static dev.tollgate.session.verify.VerifierFixture.KID;
import static dev.tollgate.session.verify.VerifierFixture.NOW_S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.Headers;
import dev.tollgate.testkit.AccessTokens;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.KeySpec;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's provider checks the signatures from the next check on, with the same outcomes as the
 * JDK's; a provider that answers wrongly fails the self-test that guards switching to it.
 */
class SignatureProviderTest {

    /** The JDK's own RSA provider, asked for by name: the non-default path, with key conversion. */
    private static final Provider SUN_RSA_SIGN = Security.getProvider("SunRsaSign");

    VerifierFixture f;
    AtomicReference<Provider> current = new AtomicReference<>();
    SessionVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        f = new VerifierFixture();
        verifier = new SessionVerifier(f.config, f.jwks, new CoreClient(f.config), f.clock, null, current::get);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private VerificationResult get(String token) {
        return verifier.verify(
                "GET", Headers.builder().add("Cookie", "sAccessToken=" + token).build(), VerifyOptions.optional());
    }

    @Test
    void aCallersProviderDecidesAsTheJdksAndCanBeSwitchedToAtAnyTime() {
        String token = AccessTokens.v5(KID, NOW_S - 10);
        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        VerificationFailed badSignature = new VerificationFailed(new SessionError.TryRefreshToken("bad_signature"));

        for (Provider provider : new Provider[] {null, SUN_RSA_SIGN, null}) {
            current.set(provider);
            assertThat(get(token)).isInstanceOf(VerifiedSession.class);
            assertThat(get(tampered)).isEqualTo(badSignature);
        }
    }

    @Test
    void aProviderWithoutTheAlgorithmFailsTheChecksClosed() {
        current.set(new Provider("Empty", "1", "no algorithms") {});
        assertThat(get(AccessTokens.v5(KID, NOW_S - 10)))
                .isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("bad_signature")));
    }

    @Test
    void theSelfTestPassesAWorkingProvider() throws Exception {
        SignatureProvider.selfTest(SUN_RSA_SIGN);
    }

    @Test
    void theSelfTestRefusesAProviderThatAcceptsATamperedSignature() {
        assertThatThrownBy(() -> SignatureProvider.selfTest(new Lenient(true)))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Lenient accepts a tampered RS256 signature");
        assertThatThrownBy(() -> SignatureProvider.selfTest(new Lenient(false)))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Lenient rejects a valid RS256 signature");
        assertThatThrownBy(() -> SignatureProvider.selfTest(new Provider("Empty", "1", "no algorithms") {}))
                .isInstanceOf(NoSuchAlgorithmException.class);
    }

    /** A broken provider: every signature verifies as {@code answer}. */
    static final class Lenient extends Provider {
        Lenient(boolean answer) {
            super("Lenient", "1", "answers every check the same");
            putService(new Service(this, "Signature", "SHA256withRSA", AnyAnswer.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new AnyAnswer(answer);
                }
            });
            putService(new Service(this, "KeyFactory", "RSA", SameKey.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new SameKey();
                }
            });
        }
    }

    static final class AnyAnswer extends SignatureSpi {
        private final boolean answer;

        AnyAnswer(boolean answer) {
            this.answer = answer;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) {}

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            throw new InvalidKeyException("verify only");
        }

        @Override
        protected void engineUpdate(byte b) {}

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {}

        @Override
        protected byte[] engineSign() throws SignatureException {
            throw new SignatureException("verify only");
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            return answer;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {}

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            return null;
        }
    }

    static final class SameKey extends KeyFactorySpi {
        @Override
        protected PublicKey engineGeneratePublic(KeySpec keySpec) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec keySpec) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Key engineTranslateKey(Key key) {
            return key;
        }
    }
}
