package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** Sign up, sign in, and the errors a person sees when they get it wrong. */
@E2eTest
class AuthenticationIT {

    @Test
    void signUpStartsACookieSession(Stack stack, Browsers browsers) {
        Users user = Users.fresh("signup");
        DemoPage page = new DemoPage(browsers.open(), stack).open();
        assertThat(page.sessionState()).isEqualTo("signed-out");

        page.signUp(user.email(), user.password()).waitSignedIn();

        assertThat(page.userId()).isNotBlank();
        assertThat(page.accessTokenPayload())
                .containsEntry("sub", page.userId())
                .containsKeys("exp", "iat");
        Cookie access = page.cookie("sAccessToken");
        assertThat(access).as("sAccessToken cookie").isNotNull();
        assertThat(access.isHttpOnly()).as("sAccessToken is HttpOnly").isTrue();
        assertThat(page.timeline()).extracting(e -> e.get("action")).contains("SESSION_CREATED");
    }

    @Test
    void signInWithTheRightPasswordInAnotherBrowser(Stack stack, Browsers browsers) {
        Users user = Users.fresh("signin");
        DemoPage first = new DemoPage(browsers.open(), stack).open();
        String userId =
                first.signUp(user.email(), user.password()).waitSignedIn().userId();

        DemoPage second = new DemoPage(browsers.open(), stack).open();
        assertThat(second.sessionState()).as("a fresh browser has no session").isEqualTo("signed-out");
        second.signIn(user.email(), user.password()).waitSignedIn();

        assertThat(second.userId()).isEqualTo(userId);
    }

    @Test
    void wrongPasswordIsRefusedAndStaysSignedOut(Stack stack, Browsers browsers) {
        Users user = Users.fresh("wrongpw");
        new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();

        DemoPage page = new DemoPage(browsers.open(), stack).open();
        page.signIn(user.email(), user.password() + "-not").waitForAuthError();

        assertThat(page.formError()).isEqualTo("Wrong email or password.");
        assertThat(page.sessionState()).isEqualTo("signed-out");
        assertThat(page.cookie("sAccessToken")).isNull();
    }

    @Test
    void signUpFieldErrorsAppearNextToTheirFields(Stack stack, Browsers browsers) {
        DemoPage page = new DemoPage(browsers.open(), stack).open();

        page.signUp("not-an-email", "short").waitForAuthError();

        // The SDK's default validators' messages (docs/supertokens.md#form-fields), rendered next to each field.
        assertThat(page.fieldError("email")).isEqualTo("Email is invalid");
        assertThat(page.fieldError("password"))
                .isEqualTo("Password must contain at least 8 characters, including a number");
        assertThat(page.sessionState()).isEqualTo("signed-out");
    }

    @Test
    void signUpWithATakenEmailSaysSo(Stack stack, Browsers browsers) {
        Users user = Users.fresh("taken");
        new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();

        DemoPage page = new DemoPage(browsers.open(), stack).open();
        page.signUp(user.email(), user.password()).waitForAuthError();

        assertThat(page.fieldError("email")).isEqualTo("This email already exists. Please sign in instead.");
    }
}
