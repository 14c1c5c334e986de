package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The access token expires (the local cloud runs with a short validity); the SDK turns the
 * authorizer's 401 into one refresh and a retry, invisible to the user.
 */
@E2eTest
class SessionRefreshIT {

    @Test
    void expiredAccessTokenIsRefreshedOnceAndTheCallSucceeds(Stack stack, Browsers browsers) {
        Users user = Users.fresh("expiry");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        String userId = page.userId();
        Cookie before = page.cookie("sAccessToken");
        assertThat(before).isNotNull();

        waitPast(page.accessTokenExpiry());
        page.clearResourceTimings();
        int journalBefore = page.networkLog().size();

        assertThat(page.callApi()).isEqualTo("200");

        assertThat(page.me()).isEqualTo(userId);
        assertThat(page.refreshCalls())
                .as("refresh calls seen by the browser's Resource Timing")
                .isEqualTo(1);
        assertThat(page.cookie("sAccessToken").getValue())
                .as("sAccessToken after the refresh")
                .isNotEqualTo(before.getValue());
        // What went over the wire, oldest first: the expired token's 401, the refresh, the retry.
        List<String> calls = page.networkLogSince(journalBefore).stream()
                .map(e -> e.get("path") + " " + e.get("status"))
                .toList();
        String api = stack.api().getPath();
        assertThat(calls)
                .containsExactly(api + "/graphql 401", api + "/auth/session/refresh 200", api + "/graphql 200");
        assertThat(page.timeline()).extracting(e -> e.get("action")).contains("REFRESH_SESSION");
        assertThat(page.sessionState()).isEqualTo("signed-in");
    }

    @Test
    void twoTabsRefreshingAtOnceStaySignedIn(Stack stack, Browsers browsers) {
        Users user = Users.fresh("twotabs");
        WebDriver driver = browsers.open();
        DemoPage first = new DemoPage(driver, stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        String userId = first.userId();
        String firstTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String secondTab = driver.getWindowHandle();
        DemoPage second = new DemoPage(driver, stack).open().waitSignedIn();
        assertThat(second.userId()).isEqualTo(userId);

        Instant expiry = second.accessTokenExpiry();
        waitPast(expiry);
        Map<String, Integer> journalBefore = new HashMap<>();
        // Both tabs click "Call the API" at the same instant, each with the expired token.
        // Far enough ahead that a loaded machine still schedules both clicks before the first fires.
        long at = System.currentTimeMillis() + 4000;
        for (String tab : List.of(firstTab, secondTab)) {
            driver.switchTo().window(tab);
            journalBefore.put(tab, first.networkLog().size());
            first.js(
                    "document.getElementById('api-result').dataset.status = '';"
                            + "setTimeout(() => document.getElementById('call-api-button').click(), arguments[0] - Date.now())",
                    at);
        }
        for (String tab : List.of(firstTab, secondTab)) {
            driver.switchTo().window(tab);
            DemoPage page = new DemoPage(driver, stack);
            new WebDriverWait(driver, DemoPage.WAIT)
                    .until(d -> !String.valueOf(
                                    d.findElement(By.id("api-result")).getDomAttribute("data-status"))
                            .isEmpty());
            assertThat(page.sessionState()).as("tab %s", tab).isEqualTo("signed-in");
            assertThat(page.me()).as("tab %s", tab).isEqualTo(userId);
            // Both tabs really sent the expired token: each got the authorizer's 401 first.
            assertThat(page.networkLogSince(journalBefore.get(tab)))
                    .as("tab %s, oldest first", tab)
                    .first()
                    .satisfies(e -> assertThat(e.get("path") + " " + e.get("status"))
                            .isEqualTo(stack.api().getPath() + "/graphql 401"));
            // A refresh answered 401 would mean a lost session (e.g. a replayed refresh token taken for theft).
            List<Map<String, Object>> refreshes = page.networkLogSince(journalBefore.get(tab)).stream()
                    .filter(e -> String.valueOf(e.get("path")).endsWith("/auth/session/refresh"))
                    .toList();
            assertThat(refreshes)
                    .as("refresh calls of tab %s", tab)
                    .allSatisfy(e -> assertThat(e.get("status")).isEqualTo(200));
        }
        // Still one session afterwards, in both tabs, without signing in again.
        for (String tab : List.of(firstTab, secondTab)) {
            driver.switchTo().window(tab);
            DemoPage page = new DemoPage(driver, stack);
            assertThat(page.callApi()).as("a later call in tab %s", tab).isEqualTo("200");
            assertThat(page.me()).isEqualTo(userId);
        }
        // The session-events timeline is shared: both tabs show the same list, and clearing it in one
        // tab empties the other (the storage event).
        driver.switchTo().window(firstTab);
        assertThat(driver.findElements(By.cssSelector("#timeline li")))
                .hasSize(first.timeline().size());
        driver.switchTo().window(secondTab);
        driver.findElement(By.id("clear-timeline-button")).click();
        driver.switchTo().window(firstTab);
        new WebDriverWait(driver, DemoPage.WAIT)
                .until(d -> d.findElements(By.cssSelector("#timeline li")).isEmpty());
    }

    static void waitPast(Instant expiry) {
        Duration left = Duration.between(Instant.now(), expiry).plusMillis(1200);
        if (left.isNegative()) {
            return;
        }
        if (left.compareTo(Duration.ofSeconds(120)) > 0) {
            throw new IllegalStateException(
                    "the access token lives " + left.toSeconds() + " s: start the stack with a short"
                            + " access-token validity (e2e.accessTokenValiditySeconds) to run the expiry scenarios");
        }
        try {
            Thread.sleep(left.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
