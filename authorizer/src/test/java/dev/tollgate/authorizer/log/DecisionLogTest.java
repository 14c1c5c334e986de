package dev.tollgate.authorizer.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.authorizer.decision.Reason;
import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();

    private DecisionLog log(Level level) {
        return new DecisionLog(new JsonLog(lines::add, DecisionLog.COMPONENT, level, CLOCK));
    }

    @Test
    void oneJsonLinePerDecision() {
        log(Level.INFO)
                .decision(new DecisionLog.Entry(
                        Reason.SESSION_VALID, "user-\"1", "POST", "/graphql", 412, "req-1", "lambda-1", null));

        assertThat(lines)
                .containsExactly("{\"time\":\"2025-01-02T03:04:05Z\",\"level\":\"INFO\",\"component\":\"authorizer\","
                        + "\"event\":\"decision\",\"requestId\":\"req-1\",\"latencyMs\":0.412,\"outcome\":\"ALLOW\","
                        + "\"reason\":\"SESSION_VALID\",\"userId\":\"user-\\\"1\",\"method\":\"POST\","
                        + "\"resource\":\"/graphql\",\"lambdaRequestId\":\"lambda-1\"}");
    }

    @Test
    void thresholdKeepsErrorsAndDropsTheRest() {
        DecisionLog log = log(Level.WARN);
        log.decision(new DecisionLog.Entry(Reason.NO_SESSION, null, "POST", "/graphql", 1, null, null, null));
        log.decision(new DecisionLog.Entry(
                Reason.CORE_UNAVAILABLE, null, "POST", "/graphql", 1, null, null, "jwks unreachable"));

        assertThat(lines)
                .containsExactly("{\"time\":\"2025-01-02T03:04:05Z\",\"level\":\"ERROR\",\"component\":\"authorizer\","
                        + "\"event\":\"decision\",\"latencyMs\":0.001,\"outcome\":\"ERROR\","
                        + "\"reason\":\"CORE_UNAVAILABLE\",\"method\":\"POST\",\"resource\":\"/graphql\","
                        + "\"detail\":\"jwks unreachable\"}");
    }
}
