package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts the gateway on the real openapi.yaml with a recording AppSync stand-in and fake functions. */
abstract class GatewayTestSupport {

    static final Path OPENAPI = Path.of("../..").resolve(StackFiles.OPENAPI);
    static final String ORIGIN = "http://localhost:3000";
    static final String API_KEY = "da2-localtestkey";

    final FakeLambdas lambdas = new FakeLambdas();
    final HttpClient client = HttpClient.newHttpClient();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    RecordingBackend appsync;
    ApiGateway gateway;

    @BeforeEach
    void startGateway() throws IOException {
        appsync = new RecordingBackend();
        gateway = ApiGateway.start(
                0, definition(), placeholders(appsync.graphqlUrl()), lambdas, new GatewayLog(logLines::add));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
        appsync.close();
    }

    Path definition() {
        return OPENAPI;
    }

    static Map<String, String> placeholders(String graphqlUrl) {
        Map<String, String> values = new HashMap<>();
        values.put("AwsRegion", "us-east-1");
        values.put("AuthorizerFunctionArn", FakeLambdas.AUTHORIZER);
        values.put("AuthApiFunctionArn", FakeLambdas.AUTH_API);
        values.put("AppSyncGraphqlUrl", graphqlUrl);
        values.put("AppSyncApiKey", API_KEY);
        values.put("WebsiteOrigin", ORIGIN);
        return values;
    }

    String arn(String verb, String path) {
        return "arn:aws:execute-api:us-east-1:000000000000:" + gateway.apiId() + "/dev/" + verb + path;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.stageUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> graphql(String path, String... headers) {
        return send("POST", path, "{\"query\":\"{ notes { id } }\"}", headers);
    }

    static JsonNode json(String text) {
        try {
            return FakeLambdas.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
