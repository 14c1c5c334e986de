package dev.tollgate.localstack.lambda.testfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function for the Lambda service's tests, run through AWS's runtime interface client in a JVM of its
 * own. The event's {@code action} says what to do: echo, fail, exit, sleep, or report its environment.
 */
public class TestFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String action = String.valueOf(event.get("action"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pid", ProcessHandle.current().pid());
        switch (action) {
            case "echo" -> {
                result.put("echo", event.get("value"));
                result.put("functionName", context.getFunctionName());
                result.put("invokedFunctionArn", context.getInvokedFunctionArn());
                result.put("requestId", context.getAwsRequestId());
                result.put("remainingTimeMs", context.getRemainingTimeInMillis());
                result.put("memoryLimitMb", context.getMemoryLimitInMB());
                result.put("traceHeader", System.getProperty("com.amazonaws.xray.traceHeader"));
                result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
            case "fail" -> throw new IllegalStateException(String.valueOf(event.get("message")));
            case "exit" -> System.exit(((Number) event.get("status")).intValue());
            case "sleep" -> {
                long millis = ((Number) event.get("millis")).longValue();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                result.put("slept", millis);
            }
            case "env" -> {
                result.put("env", new TreeMap<>(System.getenv()));
                result.put("workingDirectory", System.getProperty("user.dir"));
            }
            default -> throw new IllegalArgumentException("unknown action: " + action);
        }
        return result;
    }
}
