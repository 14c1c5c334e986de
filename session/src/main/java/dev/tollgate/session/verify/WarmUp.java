package dev.tollgate.session.verify;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;

/**
 * Runs the whole verification path on a built-in token so the JIT, the crypto provider and Jackson are
 * primed before the first real request, and so a broken crypto setup fails at start-up rather than on
 * a user's request.
 *
 * <p>The token and its public key were generated once for this purpose (the private key was thrown
 * away). They are only ever resolved through a private {@link KeySource}, never through the JWKS cache,
 * so the token cannot open a real session. No I/O.
 */
final class WarmUp {
    private static final String KID = "d-tollgate-warm-up";
    private static final String MODULUS =
            "phZNXeZt-qDxGVFQqaR3UBOvB0kOAT8lS1Jsq36a4ElbKxzZGUQgyoEr80Mpq0mmFeprJ70b8OhwhT8dMC1USUUijNbK8WCrtcSJTcLDaFzqxGKTjof8RsokZRFMnXFXqlMzamCSTq6dt_Vv9DxD09LBxL-ioXvnhFwjtfm5aQhmBLl9WtZkNYM4Ip2zLGYWVTDjwYpeC21dAZquUjPChEXOKy9bA_QOFU_IUTMYekmJ_GJbEkLmwTsvv2EVQ5UD1AkC2eLInnJE48zuMbN7E9bNpxcZxvJ_FZVJLNqBgYMmLzzCDV0_fZlRQwN1CdF07KkBpFUrJI8hJo9tXvBJ_Q";
    private static final String EXPONENT = "AQAB";
    /** v5 token, kid {@value #KID}, sub "warm-up", expires in 2100. */
    private static final String TOKEN =
            "eyJraWQiOiJkLXRvbGxnYXRlLXdhcm0tdXAiLCJ0eXAiOiJKV1QiLCJ2ZXJzaW9uIjoiNSIsImFsZyI6IlJTMjU2In0.eyJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMCwic3ViIjoid2FybS11cCIsInRJZCI6InB1YmxpYyIsInJzdWIiOiJ3YXJtLXVwIiwic2Vzc2lvbkhhbmRsZSI6Indhcm0tdXAiLCJyZWZyZXNoVG9rZW5IYXNoMSI6IjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJwYXJlbnRSZWZyZXNoVG9rZW5IYXNoMSI6bnVsbCwiYW50aUNzcmZUb2tlbiI6bnVsbH0.laMXIpW8sbNTk74CIA8_VyybRATE73K45ufZqsyIO9znRIzSSpWLaxBLuGDlqLIzPT6kuwocmF5-G3ed0bmOoFMy4yNrCy3RkdyZw2l_aCQp9x3ybieI7zVYtDuTpHjfZ6MFn-OGROOJAwgWlD9GpN5Tr3RgFglHvleSB-4xMLE6hK47Y7UYACaDhAhQgXe7qq_eIvGOohzws_BpYWcSUgKWYG4uEMNL8Wo_zlrPMKBRuyrYtnecJxMWorEm0l0h44VExRkG4O0vKogwOROkwK3LXO1BR9IdUz85SFZ4vvaQ_blVPPZwZpeoYL03j-SjQmkIj6wghBvx5x95L40y4g";

    private WarmUp() {}

    static void run(SessionConfig config, int iterations) {
        PublicKey key = publicKey();
        KeyLookup found = new KeyLookup.Found(key);
        KeySource only = kid -> KID.equals(kid) ? found : KeyLookup.UNKNOWN_KID;
        SessionConfig dynamic = SessionConfig.builder()
                .coreUris(config.coreUris())
                .apiDomain(config.apiDomain())
                .websiteDomain(config.websiteDomain())
                .apiGatewayPath(config.apiGatewayPath())
                .apiBasePath(config.apiBasePath())
                .cookieSameSite(config.cookieSameSite())
                .cookieSecure(config.cookieSecure())
                .antiCsrf(config.antiCsrf())
                .useDynamicAccessTokenSigningKey(true)
                .build();
        // No core: the warm-up token never needs one (no parent hash, no database check).
        SessionVerifier verifier = new SessionVerifier(dynamic, only, null, Clock.systemUTC());
        Headers cookie =
                Headers.builder().add("cookie", "sAccessToken=" + TOKEN).build();
        Headers bearer =
                Headers.builder().add("authorization", "Bearer " + TOKEN).build();
        for (int i = 0; i < iterations; i++) {
            VerificationResult r = verifier.verify("GET", (i & 1) == 0 ? cookie : bearer, VerifyOptions.optional());
            if (!(r instanceof VerifiedSession) || !"warm-up".equals(((VerifiedSession) r).userId())) {
                throw new IllegalStateException("session verification self-test failed: " + r);
            }
        }
    }

    /** @see SignatureProvider#selfTest */
    static void selfTest(Provider provider) throws GeneralSecurityException {
        int dot = TOKEN.lastIndexOf('.');
        byte[] signed = TOKEN.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(TOKEN.substring(dot + 1));
        PublicKey key = (PublicKey) KeyFactory.getInstance("RSA", provider).translateKey(publicKey());
        if (!verifies(provider, key, signed, signature)) {
            throw new SignatureException(provider.getName() + " rejects a valid RS256 signature");
        }
        signature[signature.length / 2] ^= 1;
        if (verifies(provider, key, signed, signature)) {
            throw new SignatureException(provider.getName() + " accepts a tampered RS256 signature");
        }
    }

    private static boolean verifies(Provider provider, PublicKey key, byte[] signed, byte[] signature)
            throws GeneralSecurityException {
        Signature check = Signature.getInstance(SignatureCheck.ALGORITHM, provider);
        check.initVerify(key);
        check.update(signed);
        return check.verify(signature);
    }

    private static PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(MODULUS)),
                            new BigInteger(1, Base64.getUrlDecoder().decode(EXPONENT))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
