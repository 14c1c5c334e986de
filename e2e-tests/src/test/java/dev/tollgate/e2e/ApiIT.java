package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Calls through API Gateway to AppSync: the user id arrives, and data stays per user. */
@E2eTest
class ApiIT {

    @Test
    void meIsTheSignedInUser(Stack stack, Browsers browsers) {
        Users user = Users.fresh("me");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();

        assertThat(page.callApi()).isEqualTo("200");

        assertThat(page.me()).isEqualTo(page.userId());
        assertThat(page.meMatchesSdkUser()).isTrue();
    }

    @Test
    void notesOfOneUserAreInvisibleToAnother(Stack stack, Browsers browsers) {
        Users alice = Users.fresh("alice");
        Users bob = Users.fresh("bob");
        DemoPage a = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(alice.email(), alice.password())
                .waitSignedIn();
        DemoPage b = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(bob.email(), bob.password())
                .waitSignedIn();
        assertThat(a.userId()).isNotEqualTo(b.userId());

        assertThat(a.callApi()).isEqualTo("200");
        a.addNote("alice's secret").addNote("alice's second");
        assertThat(b.callApi()).isEqualTo("200");
        b.addNote("bob's note");

        assertThat(b.callApi()).isEqualTo("200");
        assertThat(b.noteTexts()).containsExactly("bob's note");
        assertThat(a.callApi()).isEqualTo("200");
        assertThat(a.noteTexts()).containsExactlyInAnyOrder("alice's secret", "alice's second");

        a.deleteNote("alice's secret");
        assertThat(a.callApi()).isEqualTo("200");
        assertThat(a.noteTexts()).containsExactly("alice's second");
        assertThat(b.callApi()).isEqualTo("200");
        assertThat(b.noteTexts()).containsExactly("bob's note");
    }
}
