package dev.tollgate.benchmarks;

import dev.tollgate.authorizer.AuthorizerHandler;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm authorizer decision for a valid cookie session (event bytes in, policy bytes out, the
 * decision's JSON log line rendered) next to the bare JDK {@code SHA256withRSA} verification of the
 * same token's signature: the ratio is what everything around the RSA check costs.
 */
@State(Scope.Benchmark)
// Sampled: the median stays meaningful on a shared, busy machine where the mean does not.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {

    private FakeCore core;
    private AuthorizerHandler handler;
    private byte[] event;
    private final ByteArrayOutputStream policy = new ByteArrayOutputStream(512);

    private PublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SigningKey key = SigningKey.generate("d-" + System.currentTimeMillis());
        core = FakeCore.start(key);
        String token = AccessTokens.v5(key, "bench-user");
        event = Fixtures.event("allow-cookie-session.json", Map.of("ACCESS_TOKEN", token))
                .getBytes(StandardCharsets.UTF_8);
        // Log lines are rendered as in production (LOG_LEVEL=INFO) but written nowhere: the benchmark
        // measures the decision, not the terminal.
        handler = new AuthorizerHandler(
                Map.of(
                        "SUPERTOKENS_CONNECTION_URI", core.uri(),
                        "API_DOMAIN", "http://localhost:4000",
                        "WEBSITE_DOMAIN", "http://localhost:3000",
                        "API_GATEWAY_PATH", "/dev",
                        "LOG_LEVEL", "INFO"),
                new PrintStream(OutputStream.nullOutputStream()));

        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        publicKey = key.pair().getPublic();

        if (!decision().contains("\"principalId\":\"bench-user\"") || !rawVerify()) {
            throw new IllegalStateException("the benchmark does not measure a successful decision");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int jwksFetches = core.jwksFetches();
        core.close();
        if (jwksFetches != 1 || !core.verifyRequests().isEmpty()) {
            throw new IllegalStateException("the hot path did I/O: " + jwksFetches + " JWKS fetches, "
                    + core.verifyRequests().size() + " core calls");
        }
    }

    @Benchmark
    public String decision() throws IOException {
        policy.reset();
        handler.handleRequest(new ByteArrayInputStream(event), policy, null);
        return policy.toString(StandardCharsets.UTF_8);
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
}
