package dev.tollgate.session.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.internal.json.SessionJson;
import java.io.IOException;

/**
 * The CDI answer readers on any JSON a core (or a broken proxy) could answer: each either returns a record
 * or throws {@link CoreProtocolException}, which the client turns into a 5xx; nothing else escapes.
 * Seeds: {@code CoreAnswersFuzzTestInputs/}.
 */
class CoreAnswersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyAnswer(byte[] body) throws CoreProtocolException {
        JsonNode answer;
        try {
            answer = SessionJson.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        if (answer == null) {
            return;
        }
        attempt(() -> CoreAnswers.status(answer, "/recipe/session"));
        attempt(() -> CoreAnswers.createdSession(answer, "/recipe/session"));
        attempt(() -> CoreAnswers.sessionInfo(answer.get("session"), "/recipe/session/verify"));
        attempt(() -> CoreAnswers.optionalToken(answer.get("accessToken"), "/recipe/session/verify"));
        attempt(() -> CoreAnswers.user(answer.get("user"), "/recipe/signin"));
        CoreAnswers.strings(answer.get("sessionHandles"));
    }

    private interface Reader {
        Object read() throws CoreProtocolException;
    }

    private static void attempt(Reader reader) {
        try {
            reader.read();
        } catch (CoreProtocolException refused) {
            // the documented refusal of a shape the client does not know
        }
    }
}
