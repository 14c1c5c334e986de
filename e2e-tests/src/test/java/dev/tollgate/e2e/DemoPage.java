package dev.tollgate.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo page as a user sees it, through its stable element ids. */
public final class DemoPage {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    private final Stack stack;

    public DemoPage(WebDriver driver, Stack stack) {
        this.driver = driver;
        this.stack = stack;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the demo and waits until the page knows whether a session exists. */
    public DemoPage open() {
        driver.get(stack.web().toString() + "/");
        return waitUntilSessionKnown();
    }

    public DemoPage waitUntilSessionKnown() {
        wait(WAIT).until(d -> List.of("signed-in", "signed-out", "error").contains(sessionState()));
        if ("error".equals(sessionState())) {
            throw new AssertionError("the demo failed to start: " + text("boot-error"));
        }
        return this;
    }

    public String sessionState() {
        return driver.findElement(By.id("session-state")).getDomAttribute("data-state");
    }

    // ---- auth ----

    public DemoPage fillCredentials(String email, String password) {
        type("email", email);
        type("password", password);
        return this;
    }

    public DemoPage signUp(String email, String password) {
        fillCredentials(email, password).click("signup-button");
        return this;
    }

    public DemoPage signIn(String email, String password) {
        fillCredentials(email, password).click("signin-button");
        return this;
    }

    public DemoPage waitSignedIn() {
        wait(WAIT)
                .until(d ->
                        "signed-in".equals(sessionState()) && !text("user-id").isBlank());
        return this;
    }

    public DemoPage waitSignedOut() {
        wait(WAIT)
                .until(d -> "signed-out".equals(sessionState())
                        && driver.findElement(By.id("auth-panel")).isDisplayed());
        return this;
    }

    public String fieldError(String field) {
        return text(field + "-error");
    }

    public String formError() {
        return text("form-error");
    }

    /** Waits until a field error or a form-level error is shown. */
    public DemoPage waitForAuthError() {
        wait(WAIT)
                .until(d -> !fieldError("email").isBlank()
                        || !fieldError("password").isBlank()
                        || !formError().isBlank());
        return this;
    }

    public String userId() {
        return text("user-id");
    }

    public Map<String, Object> accessTokenPayload() {
        return parse(text("access-token-payload"), new TypeReference<>() {});
    }

    /** The access token's expiry as the page shows it (from the payload's exp). */
    public Instant accessTokenExpiry() {
        wait(WAIT).until(d -> driver.findElement(By.id("expiry-countdown")).getDomAttribute("data-expires-at") != null);
        return Instant.parse(driver.findElement(By.id("expiry-countdown")).getDomAttribute("data-expires-at"));
    }

    /**
     * "Refresh now" (Session.attemptRefreshingSession): waits until the browser holds a new access
     * token and the page shows that token's expiry. The expiry alone cannot tell: {@code exp} has
     * whole seconds, so a refresh in the same second as the sign-in keeps it.
     */
    public DemoPage refreshNow() {
        String before = cookieValue("sAccessToken");
        click("refresh-button");
        wait(WAIT).until(d -> {
            String now = cookieValue("sAccessToken");
            return now != null
                    && !now.equals(before)
                    && Instant.ofEpochSecond(expOf(now)).equals(accessTokenExpiryShown());
        });
        return this;
    }

    private String cookieValue(String name) {
        Cookie cookie = cookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    private Instant accessTokenExpiryShown() {
        String shown = driver.findElement(By.id("expiry-countdown")).getDomAttribute("data-expires-at");
        return shown == null ? null : Instant.parse(shown);
    }

    private static long expOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("sAccessToken is not a compact JWT");
        }
        Map<String, Object> payload = parse(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), new TypeReference<>() {});
        return ((Number) payload.get("exp")).longValue();
    }

    public DemoPage signOut() {
        click("signout-button");
        return waitSignedOut();
    }

    // ---- API ----

    /** Clicks "Call the API" and returns the HTTP status the page finally got ("network-error" without one). */
    public String callApi() {
        return clickAndWaitForStatus("call-api-button", "api-result");
    }

    public String me() {
        return text("me-value");
    }

    public boolean meMatchesSdkUser() {
        return "true".equals(driver.findElement(By.id("me-check")).getDomAttribute("data-match"));
    }

    public DemoPage addNote(String text) {
        String before = driver.findElement(By.id("notes-list")).getDomAttribute("data-count");
        type("note-input", text);
        click("add-note-button");
        wait(WAIT).until(d -> noteTexts().contains(text) || !text("notes-error").isBlank());
        if (!text("notes-error").isBlank()) {
            throw new AssertionError(
                    "adding a note failed: " + text("notes-error") + " (count before: " + before + ")");
        }
        return this;
    }

    /** Waits until the notes the page loads by itself (on sign-in and after a reload) are shown. */
    public DemoPage waitForNotesLoaded() {
        wait(WAIT)
                .until(d -> !attribute("notes-list", "data-count").isEmpty()
                        || !text("notes-error").isBlank());
        return this;
    }

    public List<String> noteTexts() {
        // One read in the page: the list is re-rendered after every call, so element handles go stale.
        List<?> texts = (List<?>)
                js("return [...document.querySelectorAll('#notes-list li .note-text')].map(e => e.textContent)");
        return texts.stream().map(String.class::cast).toList();
    }

    public DemoPage deleteNote(String text) {
        WebElement item = driver.findElements(By.cssSelector("#notes-list li")).stream()
                .filter(li ->
                        li.findElement(By.cssSelector(".note-text")).getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no note " + text + " in " + noteTexts()));
        item.findElement(By.cssSelector("[data-testid=delete-note]")).click();
        wait(WAIT).until(d -> !noteTexts().contains(text));
        return this;
    }

    // ---- the verified-email route ----

    public String callVerified() {
        return clickAndWaitForStatus("call-verified-button", "verified-result");
    }

    public List<String> claimErrorIds() {
        return driver.findElements(By.cssSelector("#claim-errors li")).stream()
                .map(li -> li.getDomAttribute("data-claim-id"))
                .toList();
    }

    public String claimErrorsText() {
        return text("claim-errors");
    }

    public String verifiedMessage() {
        return text("verified-message");
    }

    public String sendVerificationEmail() {
        js("document.getElementById('verification-sent').dataset.status = ''");
        click("send-verification-button");
        wait(WAIT).until(d -> !attribute("verification-sent", "data-status").isEmpty());
        return attribute("verification-sent", "data-status");
    }

    public String callAdmin() {
        return clickAndWaitForStatus("call-admin-button", "admin-result");
    }

    public List<String> adminClaimErrorIds() {
        return driver.findElements(By.cssSelector("#admin-claim-errors li")).stream()
                .map(li -> li.getDomAttribute("data-claim-id"))
                .toList();
    }

    public String adminClaimErrorsText() {
        return text("admin-claim-errors");
    }

    /** The 403's body as the admin panel shows it (empty when hidden). */
    public String adminBody() {
        return driver.findElement(By.id("admin-body")).isDisplayed() ? text("admin-body") : "";
    }

    public String adminMessage() {
        return text("admin-message");
    }

    /** Whether the page offers "Make me admin" (only when the stack has the local cloud's dev console). */
    public boolean offersMakeAdmin() {
        return driver.findElement(By.id("make-admin-button")).isDisplayed();
    }

    /** Clicks "Make me admin" and returns the outcome's data-status ({@code GRANTED} or {@code error}). */
    public String makeAdmin() {
        js("document.getElementById('admin-granted').dataset.status = ''");
        click("make-admin-button");
        wait(WAIT).until(d -> !attribute("admin-granted", "data-status").isEmpty());
        return attribute("admin-granted", "data-status");
    }

    public String adminGrantedText() {
        return text("admin-granted");
    }

    /** The session panel's roles pill: the st-role values, comma-separated. */
    public String rolesBadge() {
        return attribute("user-roles", "data-roles");
    }

    public String mailboxLink() {
        return attribute("mailbox-link", "href");
    }

    public String emailVerifiedBadge() {
        return attribute("email-verified", "data-verified");
    }

    // ---- what went over the wire ----

    /** Forgets the browser's resource timings, so that {@link #refreshCalls()} counts from now. */
    public void clearResourceTimings() {
        js("performance.clearResourceTimings()");
    }

    /** Calls to the refresh route seen by the browser itself (Resource Timing, not the page's code). */
    public long refreshCalls() {
        String refreshPath = refreshPath();
        Object n = js(
                "return performance.getEntriesByType('resource')"
                        + ".filter(e => new URL(e.name).pathname === arguments[0]).length",
                refreshPath);
        return ((Number) n).longValue();
    }

    /** The page's own journal of API requests (newest first): {at, method, url, path, status, ms}. */
    public List<Map<String, Object>> networkLog() {
        Object raw = js("return sessionStorage.getItem('tollgate.network') || '[]'");
        return parse((String) raw, new TypeReference<>() {});
    }

    /** The journal entries added after it had {@code before} entries, oldest first. */
    public List<Map<String, Object>> networkLogSince(int before) {
        List<Map<String, Object>> log = networkLog();
        List<Map<String, Object>> added = new ArrayList<>(log.subList(0, log.size() - before));
        Collections.reverse(added);
        return added;
    }

    /** The page's journal of SDK session events (newest first): {at, action, label, detail}. */
    public List<Map<String, Object>> timeline() {
        Object raw = js("return localStorage.getItem('tollgate.timeline') || '[]'");
        return parse((String) raw, new TypeReference<>() {});
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /**
     * Runs fetch in the page against the API, bypassing the SDK's interceptor (its documented
     * opt-out marker in the URL fragment, which the browser never sends), and returns
     * {status, body} or {error} when the browser refused to let the page read the answer.
     */
    public Map<String, Object> rawFetch(String path, String jsonBody) {
        return fetchInPage(stack.api().toString() + path + "#superTokensDoNotDoInterception", jsonBody);
    }

    /** Same as {@link #rawFetch} but through the SDK's interceptor, as application code calls. */
    public Map<String, Object> sdkFetch(String path, String jsonBody) {
        return fetchInPage(stack.api().toString() + path, jsonBody);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetchInPage(String url, String jsonBody) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {method: 'POST', credentials: 'include',"
                                + "  headers: {'Content-Type': 'application/json'}, body: arguments[1]})"
                                + ".then(r => r.text().then(t => done({status: r.status, body: t})))"
                                + ".catch(e => done({error: String(e)}));",
                        url,
                        jsonBody);
        return (Map<String, Object>) result;
    }

    /** Path of the refresh route, which is also the sRefreshToken cookie's path. */
    public String refreshPath() {
        return stack.api().getPath() + "/auth/session/refresh";
    }

    public URI webUrl() {
        return stack.web();
    }

    // ---- helpers ----

    /**
     * Waits for the status alone: the page sets it after every call (the answer's status, or
     * "network-error"). The session state is no end condition: after a failed refresh the SDK's
     * UNAUTHORISED event can sign the page out before the app has read the 401 it is about to show,
     * and a wait that also ended on "signed out" then returned before the status was there.
     */
    private String clickAndWaitForStatus(String button, String resultId) {
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id(button)));
        js("document.getElementById(arguments[0]).dataset.status = ''", resultId);
        click(button);
        wait(WAIT).until(d -> !attribute(resultId, "data-status").isEmpty());
        return attribute(resultId, "data-status");
    }

    public Object js(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void type(String id, String value) {
        WebElement input = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(value);
    }

    private void click(String id) {
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private String attribute(String id, String name) {
        String value = driver.findElement(By.id(id)).getDomAttribute(name);
        return value == null ? "" : value;
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
