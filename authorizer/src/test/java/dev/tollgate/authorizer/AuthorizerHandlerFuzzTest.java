package dev.tollgate.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.authorizer.decision.AuthorizerError;
import dev.tollgate.authorizer.decision.UnauthorizedError;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The authorizer on raw event bytes. Its only answers are a policy document, {@link UnauthorizedError}
 * (401) and {@link AuthorizerError} (500); and an Allow names a user only when the event carried a token
 * whose signature verified. The only such token is the one minted here for {@value #USER} with a key
 * generated for this run (the seeds say {@code ${ACCESS_TOKEN}} where it goes), so the fuzzer cannot
 * forge another: any other user id in an Allow is a bypass. Seeds: {@code AuthorizerHandlerFuzzTestInputs/}.
 */
class AuthorizerHandlerFuzzTest {

    private static final String USER = "fuzz-user-7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SigningKey KEY = SigningKey.generate("d-fuzz-" + System.nanoTime());
    private static final FakeCore CORE = startCore();
    private static final String TOKEN = AccessTokens.v5(KEY, USER);
    private static final AuthorizerHandler HANDLER = new AuthorizerHandler(
            Map.of(
                    "SUPERTOKENS_CONNECTION_URI", CORE.uri(),
                    "API_DOMAIN", "http://localhost:4000",
                    "WEBSITE_DOMAIN", "http://localhost:3000",
                    "API_GATEWAY_PATH", "/dev",
                    "API_BASE_PATH", "/auth",
                    "ANTI_CSRF", "VIA_CUSTOM_HEADER",
                    "REQUIRED_CLAIMS", "POST /verified/graphql=st-ev"),
            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));

    private static FakeCore startCore() {
        try {
            FakeCore core = FakeCore.start(KEY);
            Runtime.getRuntime().addShutdownHook(new Thread(core::close));
            return core;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void rawEvent(byte[] raw) throws IOException {
        String event = new String(raw, StandardCharsets.UTF_8).replace("${ACCESS_TOKEN}", TOKEN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            HANDLER.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (UnauthorizedError | AuthorizerError refused) {
            return;
        }
        JsonNode policy = JSON.readTree(out.toByteArray());
        String effect = policy.at("/policyDocument/Statement/0/Effect").asText();
        assertThat(effect).isIn("Allow", "Deny");
        String principal = policy.path("principalId").asText();
        if (!principal.isEmpty()) {
            assertThat(effect).isEqualTo("Allow");
            assertThat(principal).isEqualTo(USER);
            assertThat(event).contains(TOKEN);
        }
    }
}
