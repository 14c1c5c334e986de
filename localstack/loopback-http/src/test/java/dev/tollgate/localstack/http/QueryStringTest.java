package dev.tollgate.localstack.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

    @Test
    void repeatedNamesKeepEveryValueInOrder() {
        QueryString query = QueryString.parse("a=1&b=2&a=3");

        assertThat(query.all("a")).containsExactly("1", "3");
        assertThat(query.first("a")).hasValue("1");
        assertThat(query.parameters().keySet()).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource({"email, a+b@x.io", "q, two words", "t, €", "n m, v"})
    void percentEscapesAndPlusAreDecoded(String name, String value) {
        QueryString query = QueryString.parse("email=a%2Bb%40x.io&q=two+words&t=%E2%82%AC&n%20m=v");

        assertThat(query.first(name)).hasValue(value);
    }

    @Test
    void aNameWithoutEqualsHasAnEmptyValueAndEmptyPairsAreSkipped() {
        QueryString query = QueryString.parse("flag&&x=&y=a=b");

        assertThat(query.all("flag")).containsExactly("");
        assertThat(query.all("x")).containsExactly("");
        assertThat(query.first("y")).hasValue("a=b");
        assertThat(query.parameters()).hasSize(3);
    }

    @Test
    void nothingIsEmpty() {
        assertThat(QueryString.parse(null).parameters()).isEmpty();
        assertThat(QueryString.parse("").parameters()).isEmpty();
        assertThat(QueryString.parse("a=1").first("missing")).isEmpty();
        assertThat(QueryString.parse("a=1").all("missing")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%4", "a=%", "%g1=x", "a=%C3", "a=%FF%FE"})
    void malformedEscapesAreRefused(String raw) {
        assertThatThrownBy(() -> QueryString.parse(raw))
                .isInstanceOf(QueryString.MalformedQueryException.class)
                .hasMessageStartingWith("query string: ");
    }

    @Test
    void theRefusalNamesThePositionNotTheText() {
        assertThatThrownBy(() -> QueryString.parse("token=secret%zz"))
                .hasMessage("query string: malformed percent-escape at position 12")
                .message()
                .doesNotContain("secret");
    }

    @Test
    void theMapCannotBeChanged() {
        QueryString query = QueryString.parse("a=1");

        assertThatThrownBy(() -> query.parameters().put("b", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.all("a").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
