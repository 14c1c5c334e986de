package dev.tollgate.session.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any string is either a token or {@code null} for the parser: never an exception, and a parsed token keeps
 * the raw string and the claims every version requires. Seeds: {@code AccessTokenParserFuzzTestInputs/}.
 */
class AccessTokenParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyStringIsATokenOrNull(FuzzedDataProvider data) {
        String candidate = data.consumeRemainingAsString();
        ParsedToken parsed = AccessTokenParser.parse(candidate);
        if (parsed instanceof AccessToken token) {
            assertThat(token.raw()).isEqualTo(candidate);
            assertThat(token.userId()).isNotNull();
            assertThat(token.sessionHandle()).isNotNull();
        } else if (parsed instanceof LegacyAccessToken legacy) {
            assertThat(legacy.raw()).isEqualTo(candidate);
        }
    }
}
