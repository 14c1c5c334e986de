package dev.tollgate.session.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersAndCookiesTest {
    @Test
    void namesAreCaseInsensitiveAndEveryValueIsKept() {
        Map<String, List<String>> multi = new HashMap<>();
        multi.put("Cookie", List.of("a=1", "b=2"));
        multi.put("X-Null", Arrays.asList((String) null));
        Map<String, String> single = new HashMap<>();
        single.put("cookie", "b=2");
        single.put("Authorization", "Bearer x");
        single.put(null, "ignored");
        Headers h = Headers.of(multi, single);
        assertThat(h.all("COOKIE")).containsExactly("a=1", "b=2");
        assertThat(h.first("authorization")).isEqualTo("Bearer x");
        assertThat(h.has("x-null")).isFalse();
        assertThat(h.first("missing")).isNull();
        assertThat(h.all("missing")).isEmpty();
        assertThat(h.toString()).doesNotContain("Bearer");
        assertThat(Headers.of(null, null).names()).isEmpty();
    }

    @Test
    void cookiesParseLikeNodesCookieLibrary() {
        Headers h = Headers.builder()
                .add("cookie", " theme = dark ; sRefreshToken=a%2Bb%2Fc%3D; q=\"quoted\"; bad=%E0%A4%A; plus=a+b")
                .add("Cookie", "theme=light; flag")
                .build();
        assertThat(RequestCookies.get(h, "theme")).isEqualTo("dark");
        assertThat(RequestCookies.get(h, "sRefreshToken")).isEqualTo("a+b/c=");
        assertThat(RequestCookies.get(h, "q")).isEqualTo("quoted");
        assertThat(RequestCookies.get(h, "bad")).isEqualTo("%E0%A4%A");
        assertThat(RequestCookies.get(h, "plus")).isEqualTo("a+b");
        assertThat(RequestCookies.get(h, "flag")).isNull();
        assertThat(RequestCookies.count(h, "theme")).isEqualTo(2);
        assertThat(RequestCookies.count(h, "sAccessToken")).isZero();
    }

    @Test
    void oneScanAnswersForSeveralNamesAsSeparateLookupsDo() {
        Headers h = Headers.builder()
                .add("cookie", "sAccessToken=a; theme=dark;sIdRefreshToken= x ")
                .add("cookie", "sAccessToken=b; =empty-name; novalue")
                .build();
        RequestCookies.Scan scan = RequestCookies.scan(h, "sIdRefreshToken", "sAccessToken", "absent");
        assertThat(scan.value("sAccessToken")).isEqualTo("a").isEqualTo(RequestCookies.get(h, "sAccessToken"));
        assertThat(scan.count("sAccessToken")).isEqualTo(2).isEqualTo(RequestCookies.count(h, "sAccessToken"));
        assertThat(scan.value("sIdRefreshToken")).isEqualTo("x");
        assertThat(scan.count("sIdRefreshToken")).isEqualTo(1);
        assertThat(scan.value("absent")).isNull();
        assertThat(scan.count("absent")).isZero();
        assertThatThrownBy(() -> scan.value("theme")).isInstanceOf(IllegalArgumentException.class);
    }
}
