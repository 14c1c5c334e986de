package dev.tollgate.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user of the demo, as supertokens-web-js drives the API in cookie mode: a cookie jar shared by all of
 * the user's tabs (threads calling {@link #step}), a transparent refresh on 401 and one retry, and the
 * notes the API acknowledged, so the end can check that none was lost. Every answer is checked on the
 * spot: a cleared session cookie, a 401 after a successful refresh, or another user's id or note is a
 * violation.
 */
public final class VirtualUser {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FDI_VERSION = "3.1,4.0,4.1,4.2";
    /** Longer than the gateway's 29 s integration limit: an answer this late is a hang, not a slow call. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);
    /** Notes kept per user, well under the resolver's cap, so adds never fail for being one too many. */
    private static final int MAX_KEPT_NOTES = 30;

    private final HttpClient http;
    private final URI stage;
    private final String stagePath;
    private final String origin;
    private volatile Recorder recorder;
    private final CookieJar jar = new CookieJar();
    /** supertokens-web-js's cross-tab refresh lock (a browser-wide lock there, one object per user here). */
    private final Object refreshLock = new Object();

    private volatile boolean signedOut;
    private final String email;
    private final String tag;
    private volatile String userId;
    /** Acknowledged notes not (being) deleted: id to text. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final AtomicInteger added = new AtomicInteger();

    /**
     * @param stage the API's stage URL, e.g. {@code http://localhost:4000/dev}
     * @param web   the demo site's origin (the {@code Origin} every call carries)
     */
    public VirtualUser(HttpClient http, URI stage, URI web, Recorder recorder, String email) {
        this.http = http;
        this.stage = stage;
        this.stagePath = stage.getPath();
        this.origin = web.toString();
        this.recorder = recorder;
        this.email = email;
        this.tag = "note of " + email + " #";
    }

    /** Where this user's calls are recorded from now on (each run of {@link LoadRun} has its own). */
    public void recordInto(Recorder next) {
        this.recorder = next;
    }

    public String userId() {
        return userId;
    }

    /** Signs up; true when the API answered OK with a user id and set the session cookies. */
    public boolean signUp() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("formFields")
                .add(JSON.createObjectNode().put("id", "email").put("value", email))
                .add(JSON.createObjectNode().put("id", "password").put("value", "Load-test-password-9"));
        Answer answer = send(Action.SIGN_UP, "/auth/signup", "emailpassword", body.toString());
        if (answer.succeeded() && "OK".equals(answer.body().path("status").asText())) {
            userId = answer.body().at("/user/id").asText();
            return jar.value("sAccessToken") != null;
        }
        return false;
    }

    /** The refresh call itself, as the SDK sends it. */
    public Answer refresh() {
        Answer answer = send(Action.REFRESH, "/auth/session/refresh", "session", "");
        if (answer.status() == 401) {
            recorder.violation(email + ": refresh answered 401, which signs the user out");
        }
        return answer;
    }

    /**
     * What a tab does when it wants a new access token, as supertokens-web-js does it: take the cross-tab
     * refresh lock, and refresh only if no other tab has refreshed since this tab sent its call (the access
     * token in the shared jar is still the one it sent); otherwise just use the new token. Without the lock
     * two tabs would rotate the same refresh token twice, and the core reads the second child's use as token
     * theft and revokes the session (the load test saw exactly that before the lock).
     *
     * @param accessTokenSent the access token the tab's failed call carried
     * @return the refresh answer, or {@code null} when another tab had already refreshed
     */
    public Answer refreshFromTab(String accessTokenSent) {
        synchronized (refreshLock) {
            String current = jar.value("sAccessToken");
            if (current != null && !current.equals(accessTokenSent)) {
                return null;
            }
            return refresh();
        }
    }

    /** The access token in the jar now, which a tab's next call carries. */
    public String currentAccessToken() {
        return jar.value("sAccessToken");
    }

    /** One call of the mix: mostly {@code me}, then adds, lists and deletes. */
    public void step(Random random) {
        if (signedOut) {
            // a signed-out user (already a violation) would have to sign in again; this one just waits
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        int pick = random.nextInt(100);
        if (pick < 35) {
            me();
        } else if (pick < 60) {
            if (acknowledged.size() >= MAX_KEPT_NOTES) {
                deleteNote(random);
            } else {
                addNote();
            }
        } else if (pick < 85) {
            notes();
        } else {
            deleteNote(random);
        }
    }

    public Answer me() {
        Answer answer = graphql(Action.ME, "{ me { userId } }", null);
        if (answer.succeeded()) {
            String seen = answer.body().at("/data/me/userId").asText();
            if (!seen.equals(userId)) {
                recorder.violation(email + ": me answered another user id");
            }
        }
        return answer;
    }

    public Answer addNote() {
        String text = tag + added.incrementAndGet();
        ObjectNode variables = JSON.createObjectNode().put("text", text);
        Answer answer = graphql(
                Action.ADD_NOTE,
                "mutation Add($text: String!) { addNote(text: $text) { id text createdAt } }",
                variables);
        if (answer.succeeded()) {
            JsonNode note = answer.body().at("/data/addNote");
            if (!text.equals(note.path("text").asText())
                    || note.path("id").asText().isEmpty()) {
                recorder.violation(email + ": addNote acknowledged a different note");
            } else {
                acknowledged.put(note.get("id").asText(), text);
            }
        }
        return answer;
    }

    public Answer notes() {
        Answer answer = graphql(Action.NOTES, "{ notes { id text createdAt } }", null);
        if (answer.succeeded()) {
            checkOwnNotes(answer.body().at("/data/notes"));
        }
        return answer;
    }

    public Answer deleteNote(Random random) {
        List<String> ids = new ArrayList<>(acknowledged.keySet());
        if (ids.isEmpty()) {
            return me();
        }
        String id = ids.get(random.nextInt(ids.size()));
        if (acknowledged.remove(id) == null) {
            return me(); // the other tab took it
        }
        ObjectNode variables = JSON.createObjectNode().put("id", id);
        // A failed delete may or may not have happened; the note is no longer counted either way.
        return graphql(Action.DELETE_NOTE, "mutation Del($id: ID!) { deleteNote(id: $id) { id text } }", variables);
    }

    /**
     * Lists the notes once more and names every acknowledged note that is not there.
     *
     * @return the ids of lost notes; {@code null} when the list could not be read
     */
    public Set<String> lostNotes() {
        Answer answer = notes();
        if (!answer.succeeded()) {
            return null;
        }
        Set<String> present = new HashSet<>();
        answer.body()
                .at("/data/notes")
                .forEach(note -> present.add(note.path("id").asText()));
        Set<String> lost = new HashSet<>(acknowledged.keySet());
        lost.removeAll(present);
        return lost;
    }

    public int acknowledgedNotes() {
        return acknowledged.size();
    }

    private void checkOwnNotes(JsonNode notes) {
        for (JsonNode note : notes) {
            if (!note.path("text").asText().startsWith(tag)) {
                recorder.violation(email + ": notes listed a note that is not the user's own");
            }
        }
    }

    /** A GraphQL call with the SDK's behaviour on 401: refresh, then retry once. */
    private Answer graphql(Action action, String query, ObjectNode variables) {
        ObjectNode request = JSON.createObjectNode().put("query", query);
        if (variables != null) {
            request.set("variables", variables);
        }
        String body = request.toString();
        String sent = jar.value("sAccessToken");
        Answer first = send(action, "/graphql", "anti-csrf", body);
        if (first.status() != 401) {
            return first;
        }
        Answer refreshed = refreshFromTab(sent);
        if (refreshed != null && refreshed.status() != 200) {
            return refreshed;
        }
        Answer retry = send(action, "/graphql", "anti-csrf", body);
        // On a loaded machine the new token can expire before the retry arrives; then the SDK simply refreshes
        // again. A 401 that came back while the token was still valid is the bug this looks for.
        if (refreshed != null && retry.status() == 401 && System.currentTimeMillis() < accessTokenExpiry(refreshed)) {
            recorder.violation(email + ": " + action.label() + " answered 401 right after a successful refresh");
        }
        return retry;
    }

    private Answer send(Action action, String path, String rid, String body) {
        String fullPath = stagePath + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(stage.resolve(fullPath))
                .timeout(CLIENT_TIMEOUT)
                .header("Origin", origin)
                .header("rid", rid)
                .header("fdi-version", FDI_VERSION)
                .header("st-auth-mode", "cookie")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String cookies = jar.header(fullPath);
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        long start = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            answer = new Answer(
                    response.statusCode(),
                    parse(response.body()),
                    setCookies,
                    response.headers().firstValue("front-token").orElse(null),
                    elapsedMillis(start));
            List<String> cleared = jar.apply(setCookies);
            if (cleared.contains("sAccessToken") || cleared.contains("sRefreshToken")) {
                signedOut = true;
                recorder.violation(email + ": " + action.label() + " answered " + response.statusCode()
                        + " clearing the session cookies " + cleared);
            }
        } catch (IOException e) {
            answer = new Answer(
                    Answer.TRANSPORT_ERROR, MissingNode.getInstance(), List.of(), null, elapsedMillis(start));
        } catch (InterruptedException stopped) {
            // the run is over: the call was abandoned by this side, so it is not an answer to count
            Thread.currentThread().interrupt();
            return new Answer(Answer.TRANSPORT_ERROR, MissingNode.getInstance(), List.of(), null, elapsedMillis(start));
        }
        recorder.record(action, answer);
        return answer;
    }

    /** The access token's expiry (epoch ms) from the {@code front-token} header of an answer, or 0. */
    private static long accessTokenExpiry(Answer answer) {
        String frontToken = answer.frontToken();
        if (frontToken == null) {
            return 0;
        }
        try {
            return JSON.readTree(Base64.getDecoder().decode(frontToken))
                    .path("ate")
                    .asLong();
        } catch (IOException | IllegalArgumentException unreadable) {
            return 0;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
