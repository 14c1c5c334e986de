package dev.tollgate.session.verify;

import static dev.tollgate.session.verify.VerifierFixture.KID;
import static dev.tollgate.session.verify.VerifierFixture.NOW_S;
import static dev.tollgate.session.verify.VerifierFixture.STATIC_KID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier's signature and expiry checks against jose4j, an independent JOSE implementation given
 * the same JWKS and the same clock: both must accept the valid tokens and reject every forged,
 * expired or confused one. jose4j stays out of the verifier itself (the authorizer's hot path).
 */
class Jose4jCrossCheckTest {

    private static VerifierFixture fixture;
    private static JwtConsumer jose4j;

    @BeforeAll
    static void start() throws Exception {
        fixture = new VerifierFixture();
        jose4j = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(SigningKey.jwks(KID, STATIC_KID)).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setEvaluationTime(NumericDate.fromMilliseconds(fixture.clock.millis()))
                .setRequireExpirationTime()
                .setRequireSubject()
                .setSkipDefaultAudienceValidation()
                .build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Stream<Arguments> tokens() {
        String valid = AccessTokens.v5(KID, NOW_S - 10);
        String[] parts = valid.split("\\.");
        ObjectNode otherUser = AccessTokens.payload(5, NOW_S - 10).put("sub", "someone-else");
        char last = parts[2].charAt(10);
        String flipped = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        return Stream.of(
                Arguments.of("valid, dynamic key", valid, true),
                // Static-key tokens are left out: the verifier refuses them by policy (dynamic keys
                // configured), which is no JOSE question.
                Arguments.of("valid, issued a second ago", AccessTokens.v5(KID, NOW_S - 1), true),
                Arguments.of(
                        "payload tampered", parts[0] + "." + AccessTokens.encode(otherUser) + "." + parts[2], false),
                Arguments.of("signature tampered", parts[0] + "." + parts[1] + "." + flipped, false),
                Arguments.of("expired", AccessTokens.v5(KID, NOW_S - 7200), false),
                Arguments.of(
                        "signed by an unpublished key under a published kid",
                        AccessTokens.sign(
                                AccessTokens.encode(AccessTokens.header(KID, 5)),
                                AccessTokens.encode(AccessTokens.payload(5, NOW_S - 10)),
                                SigningKey.of("d-not-published").pair().getPrivate()),
                        false),
                Arguments.of("alg none", algNone(), false),
                Arguments.of("HS256 keyed with the public key", hs256Confusion(), false),
                Arguments.of("RS512 with the right key", rs512(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void verifierAndJose4jAgree(String name, String token, boolean shouldAccept) {
        boolean verifierAccepts = fixture.get("cookie", "sAccessToken=" + token) instanceof VerifiedSession;
        boolean jose4jAccepts = jose4jAccepts(token);

        assertThat(jose4jAccepts).as("jose4j accepts %s", name).isEqualTo(shouldAccept);
        assertThat(verifierAccepts).as("the verifier accepts %s", name).isEqualTo(jose4jAccepts);
    }

    private static boolean jose4jAccepts(String token) {
        try {
            jose4j.process(token);
            return true;
        } catch (InvalidJwtException e) {
            return false;
        }
    }

    private static String algNone() {
        ObjectNode header = AccessTokens.header(KID, 5).put("alg", "none");
        return AccessTokens.encode(header) + "." + AccessTokens.encode(AccessTokens.payload(5, NOW_S - 10)) + ".";
    }

    /** The classic confusion: HMAC keyed with the published RSA public key's bytes. */
    private static String hs256Confusion() {
        ObjectNode header = AccessTokens.header(KID, 5).put("alg", "HS256");
        String input = AccessTokens.encode(header) + "." + AccessTokens.encode(AccessTokens.payload(5, NOW_S - 10));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SigningKey.of(KID).pair().getPublic().getEncoded(), "HmacSHA256"));
            return input + "." + AccessTokens.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs512() {
        ObjectNode header = AccessTokens.header(KID, 5).put("alg", "RS512");
        String input = AccessTokens.encode(header) + "." + AccessTokens.encode(AccessTokens.payload(5, NOW_S - 10));
        try {
            Signature signature = Signature.getInstance("SHA512withRSA");
            signature.initSign(SigningKey.of(KID).pair().getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + AccessTokens.b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
