package dev.tollgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.authorizer.AuthorizerHandler;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.jwks.JwksFetcher;
import dev.tollgate.session.jwks.KeyLookup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm authorizer decisions on the tokens of a {@link WarmInput}, bytes in and policy bytes out, the
 * decision's JSON log line rendered ({@code LOG_LEVEL=INFO}, written nowhere):
 *
 * <ul>
 *   <li>{@code hit}: the same token call after call, as a browser session makes them;
 *   <li>{@code miss}: a different token on every call, cycling through more tokens than the cache
 *       of verified tokens holds, so every call parses and RSA-verifies;
 *   <li>{@code rawVerify}: the bare JDK {@code SHA256withRSA} verification of one token, the floor.
 * </ul>
 *
 * The JVM flags come from the command ({@link WarmComparison}), which runs this under Lambda's and
 * the JVM's defaults.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmDecisionBenchmark {

    private AuthorizerHandler handler;
    private byte[] hitEvent;
    private List<byte[]> missEvents;
    private int next;
    private final ByteArrayOutputStream policy = new ByteArrayOutputStream(512);

    private PublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        WarmInput input = WarmInput.fromProperty();
        handler = new AuthorizerHandler(input.authorizerEnv(), new PrintStream(OutputStream.nullOutputStream()));
        hitEvent = input.hitEvent().getBytes(StandardCharsets.UTF_8);
        missEvents = input.missEvents().stream()
                .map(e -> e.getBytes(StandardCharsets.UTF_8))
                .toList();

        String token = new ObjectMapper()
                .readTree(input.hitEvent())
                .path("headers")
                .path("cookie")
                .asText()
                .substring("sAccessToken=".length());
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String kid = new ObjectMapper().readTree(header).path("kid").asText();
        SessionConfig config = SessionConfig.fromEnvironment(input.authorizerEnv());
        JwksCache jwks = JwksCache.create(config, JwksFetcher.overUrlConnection(config), Clock.systemUTC());
        publicKey = ((KeyLookup.Found) jwks.lookup(kid)).key();

        if (!hit().contains("\"principalId\":\"" + WarmInput.EXPECTED_USER_PREFIX + "hit\"")
                || !miss().contains("\"principalId\":\"" + WarmInput.EXPECTED_USER_PREFIX)
                || !rawVerify()) {
            throw new IllegalStateException("the benchmark does not measure successful decisions");
        }
    }

    @Benchmark
    public String hit() throws IOException {
        return decide(hitEvent);
    }

    @Benchmark
    public String miss() throws IOException {
        byte[] event = missEvents.get(next);
        next = next + 1 == missEvents.size() ? 0 : next + 1;
        return decide(event);
    }

    @Benchmark
    public boolean rawVerify() {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey);
            rsa.update(signingInput);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decide(byte[] event) throws IOException {
        policy.reset();
        handler.handleRequest(new ByteArrayInputStream(event), policy, null);
        return policy.toString(StandardCharsets.UTF_8);
    }
}
