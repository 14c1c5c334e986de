package dev.tollgate.appsync;

import java.util.Map;

/**
 * The parts of AppSync's direct Lambda resolver event that the resolver reads: {@code info.parentTypeName},
 * {@code info.fieldName}, {@code arguments} and {@code request.headers}. Anything else in the event
 * (identity, source, selection set, stash, ...) is ignored.
 */
record ResolverEvent(
        String parentTypeName, String fieldName, Map<String, Object> arguments, Map<String, Object> headers) {

    /** Reads the event as Lambda deserialized it into maps; refuses anything not of AppSync's shape. */
    static ResolverEvent from(Map<String, Object> event) {
        if (event == null) {
            throw new ResolverError.BadRequest("the event is empty; expected AppSync's direct resolver event");
        }
        Map<String, Object> info = map(event.get("info"), "info");
        Object parent = info.get("parentTypeName");
        Object field = info.get("fieldName");
        if (!(parent instanceof String p) || !(field instanceof String f) || p.isEmpty() || f.isEmpty()) {
            throw new ResolverError.BadRequest("info.parentTypeName and info.fieldName must be strings");
        }
        Object arguments = event.get("arguments");
        Object request = event.get("request");
        Map<String, Object> headers =
                request == null ? Map.of() : mapOrEmpty(map(request, "request").get("headers"), "request.headers");
        return new ResolverEvent(p, f, arguments == null ? Map.of() : map(arguments, "arguments"), headers);
    }

    /** A string argument, or a BadRequest naming it. */
    String stringArgument(String name) {
        Object value = arguments.get(name);
        if (!(value instanceof String s)) {
            throw new ResolverError.BadRequest("argument '" + name + "' must be a string");
        }
        return s;
    }

    private static Map<String, Object> mapOrEmpty(Object value, String what) {
        return value == null ? Map.of() : map(value, what);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ResolverError.BadRequest("event." + what + " must be an object");
        }
        return (Map<String, Object>) m;
    }
}
