package dev.tollgate.localstack.lambda.testfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A function whose constructor fails, so the runtime reports an init error. */
public class BrokenInitFunction implements RequestHandler<Map<String, Object>, String> {

    public BrokenInitFunction() {
        throw new IllegalStateException("configuration missing: NOTES_TABLE");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "unreachable";
    }
}
