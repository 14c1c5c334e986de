package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/** The demo stays readable on a phone: one column, nothing wider than the screen. */
@E2eTest
class PhoneLayoutIT {

    private static final String OVERFLOW =
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth";

    @Test
    void signedInDemoFitsAPhoneWidthScreen(Stack stack, Browsers browsers) {
        ChromeDriver driver = browsers.open();
        driver.manage().window().setSize(new Dimension(390, 844));
        Users user = Users.fresh("phone");
        DemoPage page = new DemoPage(driver, stack).open();
        assertThat(((Number) page.js(OVERFLOW)).longValue())
                .as("horizontal overflow, signed out")
                .isLessThanOrEqualTo(0);

        page.signUp(user.email(), user.password()).waitSignedIn();
        assertThat(page.callApi()).isEqualTo("200");
        page.addNote("a fairly long note that has to wrap on a narrow screen instead of widening the page");
        assertThat(page.callVerified()).isEqualTo("403");

        assertThat(((Number) page.js("return window.innerWidth")).longValue())
                .as("viewport width")
                .isLessThanOrEqualTo(400);
        assertThat(((Number) page.js(OVERFLOW)).longValue())
                .as("horizontal overflow, signed in")
                .isLessThanOrEqualTo(0);
        Number sessionLeft =
                (Number) page.js("return document.getElementById('session-panel').getBoundingClientRect().left");
        Number apiLeft = (Number) page.js("return document.getElementById('api-panel').getBoundingClientRect().left");
        assertThat(apiLeft.doubleValue()).as("cards stacked in one column").isEqualTo(sessionLeft.doubleValue());
    }
}
