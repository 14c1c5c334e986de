package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.crypto.SigningKeys;
import dev.tollgate.localstack.core.http.CdiVersion;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import java.util.List;
import java.util.Map;

/** {@code /hello}, {@code /apiversion} and the two JWKS endpoints. */
final class MetaApi {

    private final SigningKeys keys;

    MetaApi(SigningKeys keys) {
        this.keys = keys;
    }

    List<Endpoint> endpoints() {
        Endpoint.Handler hello = request -> CoreResponse.text("Hello");
        Map<String, Endpoint.Handler> helloMethods = Map.of("GET", hello, "POST", hello, "PUT", hello, "DELETE", hello);
        return List.of(
                new Endpoint("/", false, true, helloMethods),
                new Endpoint("/hello", false, true, helloMethods),
                new Endpoint("/apiversion", true, false, Map.of("GET", request -> apiVersion())),
                new Endpoint("/.well-known/jwks.json", false, false, Map.of("GET", request -> publicJwks())),
                Endpoint.get("/recipe/jwt/jwks", request -> {
                    ObjectNode reply = jwks();
                    reply.put("status", "OK");
                    return CoreResponse.ok(reply);
                }));
    }

    private CoreResponse apiVersion() {
        ArrayNode versions = CoreReplies.NODES.arrayNode();
        CdiVersion.SUPPORTED.forEach(versions::add);
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set("versions", versions);
        return CoreResponse.ok(reply);
    }

    private CoreResponse publicJwks() {
        ObjectNode reply = jwks();
        return CoreResponse.ok(
                reply, Map.of("Cache-Control", "max-age=" + keys.cacheDurationSeconds() + ", must-revalidate"));
    }

    private ObjectNode jwks() {
        ArrayNode array = CoreReplies.NODES.arrayNode();
        keys.jwks().forEach(jwk -> {
            ObjectNode node = array.addObject();
            jwk.forEach(node::put);
        });
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set("keys", array);
        return reply;
    }
}
