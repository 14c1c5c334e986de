package dev.tollgate.authorizer.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.authorizer.config.LogLevel;
import dev.tollgate.authorizer.decision.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private DecisionLog log(LogLevel level) {
        return new DecisionLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), level);
    }

    @Test
    void oneJsonLinePerDecision() {
        log(LogLevel.INFO)
                .decision(new DecisionLog.Entry(
                        Reason.SESSION_VALID, "user-\"1", "POST", "/graphql", 412, "req-1", "lambda-1", null));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"level\":\"INFO\",\"event\":\"decision\",\"outcome\":\"ALLOW\",\"reason\":\"SESSION_VALID\","
                                + "\"userId\":\"user-\\\"1\",\"method\":\"POST\",\"resource\":\"/graphql\",\"latencyUs\":412,"
                                + "\"requestId\":\"req-1\",\"lambdaRequestId\":\"lambda-1\"}" + System.lineSeparator());
    }

    @Test
    void thresholdKeepsErrorsAndDropsTheRest() {
        DecisionLog log = log(LogLevel.WARN);
        log.decision(new DecisionLog.Entry(Reason.NO_SESSION, null, "POST", "/graphql", 1, null, null, null));
        log.decision(new DecisionLog.Entry(
                Reason.CORE_UNAVAILABLE, null, "POST", "/graphql", 1, null, null, "jwks unreachable"));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"level\":\"ERROR\",\"event\":\"decision\",\"outcome\":\"ERROR\",\"reason\":\"CORE_UNAVAILABLE\","
                                + "\"method\":\"POST\",\"resource\":\"/graphql\",\"latencyUs\":1,\"detail\":\"jwks unreachable\"}"
                                + System.lineSeparator());
    }
}
