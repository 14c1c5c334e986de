package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The methods a resource answers. GET always brings HEAD with it (answered like GET, without a body, by
 * {@link Replies}), as HTTP expects of every GET resource.
 */
public final class AllowedMethods {

    private final Set<String> methods;
    private final String header;

    private AllowedMethods(Set<String> methods) {
        this.methods = Set.copyOf(methods);
        this.header = String.join(", ", methods);
    }

    public static AllowedMethods of(String... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("at least one method");
        }
        Set<String> set = new LinkedHashSet<>();
        for (String method : methods) {
            String upper = method.toUpperCase(Locale.ROOT);
            set.add(upper);
            if (upper.equals("GET")) {
                set.add("HEAD");
            }
        }
        return new AllowedMethods(set);
    }

    public boolean permits(String method) {
        return methods.contains(method);
    }

    /** The {@code Allow} header value, in the order given ({@code GET, HEAD, POST}). */
    public String header() {
        return header;
    }

    /**
     * Wraps a handler: a method outside this set gets a 405 with {@code Allow} and never reaches it.
     * The exchange is closed afterwards either way.
     */
    public HttpHandler guard(HttpHandler handler) {
        return exchange -> {
            try (HttpExchange closing = exchange) {
                if (permits(closing.getRequestMethod())) {
                    handler.handle(closing);
                } else {
                    Replies.methodNotAllowed(closing, this);
                }
            } catch (IOException clientGone) {
                // nothing left to answer
            }
        };
    }
}
