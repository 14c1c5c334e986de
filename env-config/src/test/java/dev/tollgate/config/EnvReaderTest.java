package dev.tollgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EnvReaderTest {

    enum Colour {
        RED,
        GREEN
    }

    private static final String SECRET = "s3cr3t-value";

    @Test
    void valuesAreTrimmedAndBlankCountsAsUnset() {
        EnvReader env = EnvReader.of(Map.of("A", "  x  ", "B", "   ", "C", ""));

        assertThat(env.optional("A")).contains("x");
        assertThat(env.optional("B")).isEmpty();
        assertThat(env.optional("C")).isEmpty();
        assertThat(env.optional("D")).isEmpty();
        assertThat(env.required("A", "anything")).isEqualTo("x");
        assertThatThrownBy(() -> env.required("B", "a name"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("B");
                    assertThat(e.accepted()).isEqualTo("a name");
                })
                .hasMessage("B: not set (accepted: a name)");
    }

    @Test
    void booleansInAnyCaseWithAFallback() {
        EnvReader env = EnvReader.of(Map.of("T", "TRUE", "F", "false", "BAD", SECRET));

        assertThat(env.bool("T", false)).isTrue();
        assertThat(env.bool("F", true)).isFalse();
        assertThat(env.bool("UNSET", true)).isTrue();
        assertThatThrownBy(() -> env.bool("BAD", false)).hasMessage("BAD: not a boolean (accepted: true, false)");
    }

    @Test
    void enumsInAnyCaseListTheAcceptedNames() {
        EnvReader env = EnvReader.of(Map.of("C", "green", "BAD", SECRET));

        assertThat(env.enumOf("C", Colour.class, Colour.RED)).isEqualTo(Colour.GREEN);
        assertThat(env.enumOf("UNSET", Colour.class, Colour.RED)).isEqualTo(Colour.RED);
        assertThat(env.enumOf("UNSET", Colour.class)).isEmpty();
        assertThatThrownBy(() -> env.enumOf("BAD", Colour.class))
                .hasMessage("BAD: not one of the accepted values (accepted: red, green, in any case)");
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        EnvReader env = EnvReader.of(Map.of("N", "42", "ZERO", "0", "WORD", SECRET, "HUGE", "99999999999999999999"));

        assertThat(env.positiveLong("N", 7)).isEqualTo(42);
        assertThat(env.positiveLong("UNSET", 7)).isEqualTo(7);
        assertThat(env.longBetween("ZERO", 0, 10)).hasValue(0);
        assertThatThrownBy(() -> env.positiveLong("ZERO", 7))
                .hasMessage("ZERO: out of range (accepted: a whole number >= 1)");
        assertThatThrownBy(() -> env.longBetween("N", 1, 10))
                .hasMessage("N: out of range (accepted: a whole number from 1 to 10)");
        assertThatThrownBy(() -> env.positiveLong("WORD", 7))
                .hasMessage("WORD: not a whole number (accepted: a whole number >= 1)");
        assertThatThrownBy(() -> env.positiveLong("HUGE", 7)).isInstanceOf(ConfigException.class);
    }

    @Test
    void httpUrlsMustBeAbsoluteHttpOrHttps() {
        EnvReader env = EnvReader.of(Map.of(
                "OK", "https://hooks.example.com/x",
                "FILE", "file:/etc/passwd",
                "RELATIVE", "localhost:8000",
                "BROKEN", "http://exa mple.com/" + SECRET));

        assertThat(env.httpUrl("OK")).contains(URI.create("https://hooks.example.com/x"));
        assertThat(env.httpUrl("UNSET")).isEmpty();
        for (String name : new String[] {"FILE", "RELATIVE", "BROKEN"}) {
            assertThatThrownBy(() -> env.httpUrl(name))
                    .as(name)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(name + ": ")
                    .hasMessageEndingWith("(accepted: an absolute http(s) URL)");
        }
    }

    @Test
    void patternsMatchTheWholeValue() {
        EnvReader env = EnvReader.of(Map.of("T", "notes-table", "BAD", "notes table"));
        Pattern name = Pattern.compile("[a-z-]+");

        assertThat(env.matching("T", name, "a name")).contains("notes-table");
        assertThat(env.matching("UNSET", name, "a name")).isEmpty();
        assertThatThrownBy(() -> env.matching("BAD", name, "a name")).hasMessage("BAD: malformed (accepted: a name)");
    }

    @Test
    void noMessageQuotesTheValue() {
        EnvReader env = EnvReader.of(Map.of("V", SECRET + " http://" + SECRET));

        for (Runnable read : new Runnable[] {
            () -> env.bool("V", false),
            () -> env.enumOf("V", Colour.class),
            () -> env.positiveLong("V", 1),
            () -> env.httpUrl("V"),
            () -> env.matching("V", Pattern.compile("x"), "x")
        }) {
            assertThatThrownBy(read::run)
                    .isInstanceOf(ConfigException.class)
                    .message()
                    .doesNotContain(SECRET);
        }
    }
}
