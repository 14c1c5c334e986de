package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** From the 403 of the verified-only route, through the dev mailbox, to the same call succeeding. */
@E2eTest
class VerifyEmailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void verifyingTheEmailTurnsThe403IntoSuccessWithoutSigningInAgain(Stack stack, Browsers browsers) throws Exception {
        Assumptions.assumeFalse(
                StackExtension.target().equals("localstack"),
                "the stack deployed into LocalStack logs verification emails (EMAIL_SENDER=log): no mailbox to read");
        URI mailbox = stack.mailbox()
                .orElseThrow(() -> new AssertionError(
                        "this scenario needs the dev mailbox: give -De2e.mailboxUrl=... with a running stack"));
        Users user = Users.fresh("verify");
        WebDriver driver = browsers.open();
        DemoPage page = new DemoPage(driver, stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        String userId = page.userId();

        assertThat(page.callVerified()).isEqualTo("403");
        assertThat(page.claimErrorIds()).containsExactly("st-ev");
        assertThat(page.claimErrorsText()).contains("Email not verified");
        assertThat(page.emailVerifiedBadge()).isEqualTo("false");

        assertThat(page.sendVerificationEmail()).isEqualTo("OK");
        String link = awaitVerificationLink(mailbox, user.email());
        assertThat(link).startsWith(stack.web() + "/auth/verify-email?token=");

        // Open the mailbox page as a person would and follow the link in our message.
        assertThat(page.mailboxLink()).startsWith(mailbox.toString());
        driver.get(mailbox.toString());
        // The mailbox page reloads itself every few seconds: find and click in one step, retry if it went stale.
        new WebDriverWait(driver, DemoPage.WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    Optional<WebElement> anchor = d.findElements(By.tagName("a")).stream()
                            .filter(a ->
                                    link.equals(a.getDomAttribute("href")) || link.equals(a.getDomProperty("href")))
                            .findFirst();
                    anchor.ifPresent(WebElement::click);
                    return anchor.isPresent();
                });
        if (driver.getWindowHandles().size() > 1) {
            // The mailbox may open links in a new tab; follow it there.
            driver.switchTo()
                    .window(driver.getWindowHandles().stream()
                            .reduce((a, b) -> b)
                            .orElseThrow());
        }

        new WebDriverWait(driver, DemoPage.WAIT)
                .until(d ->
                        "verified".equals(d.findElement(By.id("verify-status")).getDomAttribute("data-status")));
        new WebDriverWait(driver, DemoPage.WAIT).until(d -> {
            URI at = URI.create(d.getCurrentUrl());
            return at.getPath().equals("/") && at.getPort() == stack.web().getPort();
        });
        page.waitUntilSessionKnown().waitSignedIn();
        assertThat(page.userId()).as("the same session, no new sign-in").isEqualTo(userId);
        assertThat(page.emailVerifiedBadge()).isEqualTo("true");

        assertThat(page.callVerified()).isEqualTo("200");
        assertThat(page.verifiedMessage()).contains(userId);
        assertThat(page.timeline()).extracting(e -> e.get("action")).containsOnlyOnce("SESSION_CREATED");
    }

    @Test
    void aBogusOrMissingTokenIsExplainedOnTheVerifyPage(Stack stack, Browsers browsers) {
        WebDriver driver = browsers.open();

        driver.get(stack.web() + "/auth/verify-email?token=not-a-real-token&tenantId=public");
        new WebDriverWait(driver, DemoPage.WAIT)
                .until(d ->
                        !"pending".equals(d.findElement(By.id("verify-status")).getDomAttribute("data-status")));
        assertThat(driver.findElement(By.id("verify-status")).getDomAttribute("data-status"))
                .isEqualTo("invalid-token");
        assertThat(driver.findElement(By.id("verify-title")).getText())
                .isEqualTo("This link is invalid or was already used");

        driver.get(stack.web() + "/auth/verify-email");
        new WebDriverWait(driver, DemoPage.WAIT)
                .until(d -> "missing-token"
                        .equals(d.findElement(By.id("verify-status")).getDomAttribute("data-status")));
    }

    /** The newest message to {@code email} in the dev mailbox (GET /messages, newest first). */
    private static String awaitVerificationLink(URI mailbox, String email) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(DemoPage.WAIT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(mailbox + "/messages"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /messages of the mailbox").isEqualTo(200);
            Optional<String> link = findLink(JSON.readTree(response.body()), email);
            if (link.isPresent()) {
                return link.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no verification email to " + email + " arrived in the mailbox at " + mailbox);
    }

    private static Optional<String> findLink(JsonNode messages, String email) {
        for (JsonNode message : messages) {
            if (email.equalsIgnoreCase(message.path("to").asText()) && message.hasNonNull("link")) {
                return Optional.of(message.path("link").asText());
            }
        }
        return Optional.empty();
    }
}
