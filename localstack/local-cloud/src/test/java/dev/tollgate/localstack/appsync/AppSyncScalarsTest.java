package dev.tollgate.localstack.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSyncScalarsTest {

    private static GraphQLScalarType scalar(String name) {
        return AppSyncScalars.all().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Object serialize(String name, Object value) {
        return scalar(name).getCoercing().serialize(value, GraphQLContext.getDefault(), Locale.ROOT);
    }

    @Test
    void acceptsWellFormedValues() {
        assertThat(serialize("AWSDateTime", "2026-11-26T17:01:22.344Z")).isEqualTo("2026-11-26T17:01:22.344Z");
        assertThat(serialize("AWSDateTime", "2026-11-26T17:01:22+05:30")).isEqualTo("2026-11-26T17:01:22+05:30");
        assertThat(serialize("AWSDate", "2026-11-26")).isEqualTo("2026-11-26");
        assertThat(serialize("AWSTime", "17:01:22.344")).isEqualTo("17:01:22.344");
        assertThat(serialize("AWSEmail", "a@example.com")).isEqualTo("a@example.com");
        assertThat(serialize("AWSURL", "https://example.com/x")).isEqualTo("https://example.com/x");
        assertThat(serialize("AWSIPAddress", "192.0.2.1/24")).isEqualTo("192.0.2.1/24");
        assertThat(serialize("AWSIPAddress", "2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(serialize("AWSPhone", "+49 30 1234567")).isEqualTo("+49 30 1234567");
        assertThat(serialize("AWSTimestamp", 1764176482L)).isEqualTo(1764176482L);
        assertThat(serialize("AWSJSON", Map.of("a", 1))).isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesMalformedValues() {
        assertThatThrownBy(() -> serialize("AWSDateTime", "2026-11-26T17:01:22"))
                .isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSDateTime", "yesterday")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSDate", "26.11.2026")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSEmail", "not-an-email")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSIPAddress", "300.1.1.1")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSTimestamp", "now")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> serialize("AWSJSON", "{broken")).isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> scalar("AWSDateTime")
                        .getCoercing()
                        .parseLiteral(
                                StringValue.of("nope"),
                                CoercedVariables.emptyVariables(),
                                GraphQLContext.getDefault(),
                                Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }
}
