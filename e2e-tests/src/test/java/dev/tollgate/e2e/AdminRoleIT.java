package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Roles end to end: a user is denied on the admin route (403 naming the st-role claim, the body shown
 * on the page), is made an admin through the local cloud's dev console, and the same session, refreshed
 * but never signed in again, is allowed.
 */
@E2eTest
class AdminRoleIT {

    @Test
    void aDeniedUserGrantedTheAdminRoleIsAllowedWithoutSigningInAgain(Stack stack, Browsers browsers) {
        Users user = Users.fresh("admin");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        String userId = page.userId();
        assertThat(page.rolesBadge()).as("a new user has no roles").isEmpty();

        assertThat(page.callAdmin()).isEqualTo("403");
        assertThat(page.adminClaimErrorIds()).containsExactly("st-role");
        assertThat(page.adminClaimErrorsText()).contains("Missing role \"admin\"");
        assertThat(page.adminBody())
                .contains("\"message\": \"invalid claim\"", "\"id\": \"st-role\"", "\"expectedToInclude\": \"admin\"");

        Assumptions.assumeTrue(
                page.offersMakeAdmin(), "only the local cloud has the dev console that grants the admin role");
        assertThat(page.makeAdmin()).as(page.adminGrantedText()).isEqualTo("GRANTED");
        assertThat(page.rolesBadge()).isEqualTo("admin");
        assertThat(page.userId()).as("the same session, no new sign-in").isEqualTo(userId);

        assertThat(page.callAdmin()).isEqualTo("200");
        assertThat(page.adminMessage()).startsWith("Allowed: you have the admin role. All users keep ");
        assertThat(page.adminBody()).isEmpty();
        assertThat(page.timeline()).extracting(e -> e.get("action")).containsOnlyOnce("SESSION_CREATED");
    }
}
