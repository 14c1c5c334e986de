package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page object's own waits: what the scenarios read must be the page's final answer. */
@E2eTest
class DemoPageIT {

    /**
     * After a failed refresh the SDK's UNAUTHORISED event can sign the page out before the app has read
     * the 401 body and shown its status. Here the session state flips at the click, before the call even
     * starts: the status read must still be the call's, not a guess from the session state.
     */
    @Test
    void callApiReturnsTheCallsStatusEvenWhenTheSessionStateChangesFirst(Stack stack, Browsers browsers) {
        Users user = Users.fresh("pageobject");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        page.js(
                "document.getElementById('call-api-button').addEventListener('click',"
                        + " () => document.getElementById('session-state').dataset.state = 'signed-out', {capture: true, once: true})");

        assertThat(page.callApi()).isEqualTo("200");

        assertThat(page.me()).isEqualTo(page.userId());
    }
}
