package dev.tollgate.session.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/supertokens.md#cookies, #writing-tokens: one cookie per name per response, later writes win, expose lists merge. */
class ResponseTokensTest {

    @Test
    void aLaterCookieOrHeaderOfTheSameNameReplacesTheEarlierOne() {
        ResponseTokens earlier =
                new ResponseTokens(List.of("a=1; Path=/", "b=1; Path=/"), Map.of("front-token", "remove"));
        ResponseTokens later = new ResponseTokens(List.of("a=2; Path=/"), Map.of("Front-Token", "new"));

        ResponseTokens both = earlier.followedBy(later);

        assertThat(both.setCookies()).containsExactly("b=1; Path=/", "a=2; Path=/");
        assertThat(both.headers()).containsExactly(Map.entry("front-token", "new"));
    }

    @Test
    void exposeHeaderListsAreMergedWithoutDuplicates() {
        ResponseTokens earlier = new ResponseTokens(
                List.of(), Map.of("Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token"));
        ResponseTokens later =
                new ResponseTokens(List.of(), Map.of("Access-Control-Expose-Headers", "front-token, anti-csrf"));

        assertThat(earlier.followedBy(later).headers())
                .containsExactly(Map.entry(
                        "Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token, anti-csrf"));
        assertThat(ResponseTokens.mergeExposedHeaders(null, "front-token,,st-access-token"))
                .isEqualTo("front-token, st-access-token");
    }

    @Test
    void nothingFollowedByNothingIsNothing() {
        assertThat(ResponseTokens.NONE.followedBy(ResponseTokens.NONE).isEmpty())
                .isTrue();
    }
}
