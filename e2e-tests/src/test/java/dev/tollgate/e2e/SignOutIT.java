package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign out ends the session for the API too. */
@E2eTest
class SignOutIT {

    @Test
    void afterSignOutTheApiAnswers401AndThePageShowsSignedOut(Stack stack, Browsers browsers) {
        Users user = Users.fresh("signout");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        assertThat(page.callApi()).isEqualTo("200");

        page.signOut();

        assertThat(page.sessionState()).isEqualTo("signed-out");
        assertThat(page.cookie("sAccessToken"))
                .as("sAccessToken after sign-out")
                .isNull();
        assertThat(page.timeline()).extracting(e -> e.get("action")).contains("SIGN_OUT");
        // The application's own call, through the SDK's interceptor, as the page makes it.
        Map<String, Object> answer = page.sdkFetch("/graphql", "{\"query\":\"query { me { userId } }\"}");
        assertThat(answer)
                .as("answer readable by the page")
                .doesNotContainKey("error")
                .containsEntry("status", 401L);
        page.open();
        assertThat(page.sessionState()).isEqualTo("signed-out");
    }
}
