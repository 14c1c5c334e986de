package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Plain-Java Lambda functions for gateway tests; records every event as the gateway serialized it. */
final class FakeLambdas implements LambdaInvoker {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTHORIZER = "arn:aws:lambda:us-east-1:000000000000:function:tollgate-authorizer";
    static final String AUTH_API = "arn:aws:lambda:us-east-1:000000000000:function:tollgate-auth-api";

    record Call(String functionArn, JsonNode event) {}

    private final Map<String, Function<JsonNode, Invocation>> functions = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    void define(String arn, Function<JsonNode, Invocation> function) {
        functions.put(arn, function);
    }

    /** A function that returns {@code json} whatever the event. */
    void returns(String arn, String json) {
        define(arn, event -> new Invocation.Success(json));
    }

    List<JsonNode> eventsOf(String arn) {
        return calls.stream()
                .filter(c -> c.functionArn().equals(arn))
                .map(Call::event)
                .toList();
    }

    @Override
    public Invocation invoke(String functionArn, String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        calls.add(new Call(functionArn, event));
        Function<JsonNode, Invocation> function = functions.get(functionArn);
        return function == null ? new Invocation.Failed("no such function " + functionArn) : function.apply(event);
    }

    /** An authorizer answer; {@code contextJson} may be null. */
    static String policy(String principalId, String effect, String resource, String contextJson) {
        return "{\"principalId\":" + (principalId == null ? "null" : "\"" + principalId + "\"")
                + ",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\","
                + "\"Effect\":\"" + effect + "\",\"Resource\":\"" + resource + "\"}]}"
                + (contextJson == null ? "" : ",\"context\":" + contextJson) + "}";
    }
}
