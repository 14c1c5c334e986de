package dev.tollgate.authapi.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response under construction. Single-valued headers are kept by name (case-insensitive, a later
 * write replaces an earlier one); cookies are kept apart because every {@code Set-Cookie} must leave
 * as its own header line, and one cookie name appears at most once (a later write wins, as in node).
 */
public final class ApiResponse {

    private int status;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookiesByName = new LinkedHashMap<>();
    private String body;
    private String userId;

    private ApiResponse(int status, String body) {
        this.status = status;
        this.body = body;
    }

    /** A JSON response; {@code Content-Type} is set. */
    public static ApiResponse json(int status, String jsonBody) {
        ApiResponse response = new ApiResponse(status, jsonBody);
        response.header("Content-Type", "application/json");
        return response;
    }

    /** A response without a body (preflights). */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, "");
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a rendered {@code Set-Cookie} value; a cookie of the same name set earlier is replaced. */
    public ApiResponse cookie(String setCookieValue) {
        int eq = setCookieValue.indexOf('=');
        String name = eq < 0 ? setCookieValue : setCookieValue.substring(0, eq);
        cookiesByName.remove(name);
        cookiesByName.put(name, setCookieValue);
        return this;
    }

    public void status(int newStatus) {
        this.status = newStatus;
    }

    public void body(String newBody) {
        this.body = newBody;
    }

    /** Records whose request this was, for the request log only; never sent. */
    public ApiResponse userId(String id) {
        this.userId = id;
        return this;
    }

    public String userId() {
        return userId;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String headerValue(String name) {
        return headers.get(name);
    }

    /** Headers in a stable order, names as written. */
    public Map<String, String> headers() {
        return new LinkedHashMap<>(headers);
    }

    /** Every {@code Set-Cookie} value, one per cookie. */
    public List<String> cookies() {
        return new ArrayList<>(cookiesByName.values());
    }
}
