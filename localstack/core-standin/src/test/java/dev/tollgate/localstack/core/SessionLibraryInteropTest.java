package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.CoreUser;
import dev.tollgate.session.core.CreatedSession;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.jwks.JwksFetcher;
import dev.tollgate.session.verify.SessionVerifier;
import dev.tollgate.session.verify.VerificationFailed;
import dev.tollgate.session.verify.VerificationResult;
import dev.tollgate.session.verify.VerifiedSession;
import dev.tollgate.session.verify.VerifyOptions;
import dev.tollgate.testkit.CdiCalls;
import dev.tollgate.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in driven the way Tollgate drives a core: through the session library's CDI client, with
 * the tokens it mints checked by the session library's verifier against its JWKS.
 */
class SessionLibraryInteropTest {

    private static final String API_KEY = "interop-api-key-0123456789";
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration VALIDITY = Duration.ofHours(2);

    private final MutableClock clock = new MutableClock(Instant.now());

    @AutoClose
    private CoreStandIn core;

    private CoreClient client;
    private SessionVerifier verifier;

    @BeforeEach
    void start() {
        core = CoreStandIn.start(CoreConfig.builder()
                .apiKey(API_KEY)
                .keyRotationInterval(INTERVAL)
                .accessTokenValidity(VALIDITY)
                .clock(clock)
                .build());
        SessionConfig config = SessionConfig.builder()
                .coreUri(core.uri())
                .apiKey(API_KEY)
                .apiDomain(URI.create("http://localhost:4000"))
                .apiGatewayPath("/dev")
                .jwksPenaltyWindow(Duration.ZERO)
                .build();
        HttpClient http = CoreClient.newHttpClient(config);
        client = new CoreClient(config, http);
        verifier = new SessionVerifier(
                config,
                JwksCache.create(config, JwksFetcher.overHttpClient(http, config.requestTimeout()), clock),
                client,
                clock);
    }

    private CreatedSession newSession(String userId) throws CoreException {
        return client.createSession("public", userId, claims(false), CdiCalls.MAPPER.createObjectNode(), false, true);
    }

    private static ObjectNode claims(boolean emailVerified) {
        return CdiCalls.MAPPER.createObjectNode().put("st-ev", emailVerified);
    }

    private VerificationResult verify(String accessToken, VerifyOptions options) {
        return verifier.verify("GET", Headers.ofSingle(Map.of("authorization", "Bearer " + accessToken)), options);
    }

    @Test
    void clientNegotiatesCdi54() throws CoreException {
        assertThat(client.apiVersions("http://localhost:4000", "http://localhost:3000"))
                .contains("5.4");
    }

    @Test
    void mintedTokensPassTheVerifier() throws CoreException {
        CreatedSession created = newSession("user-1");

        VerificationResult result = verify(created.accessToken().token(), VerifyOptions.required());

        assertThat(result).isInstanceOfSatisfying(VerifiedSession.class, session -> {
            assertThat(session.userId()).isEqualTo("user-1");
            assertThat(session.recipeUserId()).isEqualTo("user-1");
            assertThat(session.sessionHandle()).isEqualTo(created.session().handle());
            assertThat(session.tenantId()).isEqualTo("public");
            assertThat(session.accessTokenPayload().get("st-ev").asBoolean()).isFalse();
            assertThat(session.newAccessToken()).isNull();
        });
    }

    @Test
    void removedSessionFailsTheDatabaseCheck() throws CoreException {
        CreatedSession created = newSession("user-1");
        assertThat(client.removeSessions(List.of(created.session().handle())))
                .containsExactly(created.session().handle());

        VerificationResult withoutDb = verify(created.accessToken().token(), VerifyOptions.required());
        VerificationResult withDb =
                verify(created.accessToken().token(), VerifyOptions.required().withCheckDatabase(true));

        assertThat(withoutDb).isInstanceOf(VerifiedSession.class);
        assertThat(withDb)
                .isInstanceOfSatisfying(
                        VerificationFailed.class,
                        failed -> assertThat(failed.error()).isInstanceOf(SessionError.Unauthorised.class));
    }

    @Test
    void firstTokenAfterARefreshIsPromotedThroughTheCoreAndTheOldRefreshTokenIsTheft() throws CoreException {
        CreatedSession created = newSession("user-1");
        CoreResults.RefreshSession refreshed =
                client.refreshSession(created.refreshToken().token(), null, false, true);
        assertThat(refreshed).isInstanceOf(CoreResults.RefreshOk.class);
        CreatedSession child = ((CoreResults.RefreshOk) refreshed).session();

        VerificationResult result = verify(child.accessToken().token(), VerifyOptions.required());

        assertThat(result)
                .isInstanceOfSatisfying(
                        VerifiedSession.class,
                        session -> assertThat(session.newAccessToken()).isNotNull());
        VerifiedSession verified = (VerifiedSession) result;
        assertThat(verify(verified.newAccessToken().token(), VerifyOptions.required()))
                .isInstanceOfSatisfying(
                        VerifiedSession.class,
                        s -> assertThat(s.newAccessToken()).isNull());
        assertThat(client.refreshSession(created.refreshToken().token(), null, false, true))
                .isEqualTo(new CoreResults.RefreshTokenTheft(created.session().handle(), "user-1", "user-1"));
        assertThat(client.refreshSession(child.refreshToken().token(), null, false, true))
                .isInstanceOf(CoreResults.RefreshOk.class);
    }

    @Test
    void manyThreadsRefreshingOneSessionAllStayLoggedIn() throws Exception {
        CreatedSession created = newSession("tabs");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CoreResults.RefreshSession>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.refreshSession(created.refreshToken().token(), null, false, true);
                }));
            }
            go.countDown();
            List<CreatedSession> children = new ArrayList<>();
            for (Future<CoreResults.RefreshSession> future : futures) {
                assertThat(future.get()).isInstanceOf(CoreResults.RefreshOk.class);
                children.add(((CoreResults.RefreshOk) future.get()).session());
            }

            for (CreatedSession child : children) {
                assertThat(verify(child.accessToken().token(), VerifyOptions.required()))
                        .isInstanceOf(VerifiedSession.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensSignedBeforeAKeyRotationKeepVerifying() throws CoreException {
        CreatedSession before = newSession("user-1");
        assertThat(verify(before.accessToken().token(), VerifyOptions.required()))
                .isInstanceOf(VerifiedSession.class);

        clock.advance(INTERVAL.plusSeconds(61));
        CreatedSession after = newSession("user-2");
        String oldKid = CdiCalls.read(CdiCalls.segment(before.accessToken().token(), 0))
                .get("kid")
                .asText();
        String newKid = CdiCalls.read(CdiCalls.segment(after.accessToken().token(), 0))
                .get("kid")
                .asText();
        assertThat(newKid).isNotEqualTo(oldKid);

        assertThat(verify(after.accessToken().token(), VerifyOptions.required()))
                .isInstanceOf(VerifiedSession.class);
        assertThat(verify(before.accessToken().token(), VerifyOptions.required()))
                .isInstanceOf(VerifiedSession.class);
    }

    @Test
    void regeneratedClaimsReachTheVerifier() throws CoreException {
        CreatedSession created = newSession("user-1");

        CoreResults.RegenerateSession regenerated =
                client.regenerateSession(created.accessToken().token(), claims(true));

        assertThat(regenerated).isInstanceOf(CoreResults.RegenerateOk.class);
        String token = ((CoreResults.RegenerateOk) regenerated).accessToken().token();
        assertThat(verify(token, VerifyOptions.required()))
                .isInstanceOfSatisfying(
                        VerifiedSession.class,
                        session -> assertThat(session.accessTokenPayload()
                                        .get("st-ev")
                                        .asBoolean())
                                .isTrue());
    }

    @Test
    void accountsAndEmailVerificationThroughTheClient() throws CoreException {
        CoreResults.SignUp signUp = client.signUp("public", "Client@Example.com", "password123");
        assertThat(signUp).isInstanceOf(CoreResults.SignUpOk.class);
        CoreUser user = ((CoreResults.SignUpOk) signUp).user();
        assertThat(client.signUp("public", "client@example.com", "x"))
                .isInstanceOf(CoreResults.EmailAlreadyExists.class);
        assertThat(client.signIn("public", "client@example.com", "wrong"))
                .isInstanceOf(CoreResults.WrongCredentials.class);
        assertThat(client.signIn("public", " CLIENT@example.com", "password123"))
                .isInstanceOf(CoreResults.SignInOk.class);
        assertThat(client.userById(user.id())).isPresent();
        assertThat(client.usersByEmail("public", "client@example.com", true)).hasSize(1);

        CoreResults.EmailVerificationToken token =
                client.createEmailVerificationToken("public", user.id(), "client@example.com");
        assertThat(token).isInstanceOf(CoreResults.EmailVerificationTokenOk.class);
        assertThat(client.verifyEmail("public", ((CoreResults.EmailVerificationTokenOk) token).token()))
                .isEqualTo(new CoreResults.VerifyEmailOk(user.id(), "client@example.com"));
        assertThat(client.isEmailVerified(user.id(), "client@example.com")).isTrue();
    }

    @Test
    void wrongApiKeyIsA401ForTheClient() {
        SessionConfig wrong = SessionConfig.builder()
                .coreUri(core.uri())
                .apiKey("wrong-api-key-000000000")
                .apiDomain(URI.create("http://localhost:4000"))
                .build();
        CoreClient stranger = new CoreClient(wrong, CoreClient.newHttpClient(wrong));

        assertThatThrownBy(() -> stranger.createSession(
                        "public", "u", claims(false), CdiCalls.MAPPER.createObjectNode(), false, true))
                .isInstanceOfSatisfying(CoreHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.body()).startsWith("Invalid API key");
                });
    }
}
