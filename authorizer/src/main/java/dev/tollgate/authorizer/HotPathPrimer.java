package dev.tollgate.authorizer;

import dev.tollgate.authorizer.decision.AuthorizerError;
import dev.tollgate.authorizer.decision.Decision;
import dev.tollgate.authorizer.decision.Responder;
import dev.tollgate.authorizer.decision.SessionDecider;
import dev.tollgate.authorizer.decision.UnauthorizedError;
import dev.tollgate.authorizer.event.AuthorizerEvent;
import dev.tollgate.authorizer.event.EventReader;
import dev.tollgate.authorizer.event.MalformedEventException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Runs synthetic decisions through the real path (event parsing, token parsing, an RSA signature
 * check against a cached key, policy writing) so that a SnapStart snapshot is taken with those
 * classes loaded and warmed. The synthetic token carries a real key id but an all-zero signature:
 * it exercises the verification and is rejected, so priming can never produce an Allow for a user.
 */
final class HotPathPrimer {

    private static final int ROUNDS = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final EventReader events;
    private final SessionDecider decider;
    private final Responder responder;
    private final Set<String> keyIds;

    HotPathPrimer(EventReader events, SessionDecider decider, Responder responder, Set<String> keyIds) {
        this.events = events;
        this.decider = decider;
        this.responder = responder;
        this.keyIds = keyIds;
    }

    void prime() {
        byte[] anonymous = event(null);
        // Without a cached key a token would make the verifier fetch the JWKS: prime the anonymous path only.
        byte[] withToken =
                keyIds.isEmpty() ? null : event(syntheticToken(keyIds.iterator().next()));
        for (int i = 0; i < ROUNDS; i++) {
            decideAndRender(anonymous);
            if (withToken != null) {
                decideAndRender(withToken);
            }
        }
    }

    private void decideAndRender(byte[] event) {
        try {
            AuthorizerEvent parsed = events.read(new ByteArrayInputStream(event));
            Decision decision = decider.decide(parsed);
            responder.respond(decision, parsed.methodArn(), null, OutputStream.nullOutputStream());
        } catch (UnauthorizedError | AuthorizerError expected) {
            // The synthetic token is rejected by design.
        } catch (MalformedEventException e) {
            throw new IllegalStateException("synthetic priming event rejected: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] event(String token) {
        String cookie = token == null ? "" : ",\"cookie\":[\"sAccessToken=" + token + "\"]";
        return ("{\"type\":\"REQUEST\","
                        + "\"methodArn\":\"arn:aws:execute-api:us-east-1:000000000000:primer/primer/POST/primer\","
                        + "\"resource\":\"/primer\",\"path\":\"/primer\",\"httpMethod\":\"POST\","
                        + "\"headers\":{\"rid\":\"anti-csrf\"},"
                        + "\"multiValueHeaders\":{\"rid\":[\"anti-csrf\"]" + cookie + "},"
                        + "\"requestContext\":{\"requestId\":\"snapstart-priming\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A structurally valid v5 token for {@code kid} whose signature cannot verify. */
    private static String syntheticToken(String kid) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"kid\":\"" + kid + "\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}";
        String payload = "{\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"sub\":\"primer\",\"tId\":\"public\","
                + "\"rsub\":\"primer\",\"sessionHandle\":\"primer\",\"refreshTokenHash1\":\"primer\","
                + "\"parentRefreshTokenHash1\":null,\"antiCsrfToken\":null}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(new byte[256]);
    }
}
