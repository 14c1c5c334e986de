package dev.tollgate.localstack.appsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * AppSync's built-in scalars. AppSync schemas use them without declaring them; graphql-java needs
 * them declared and implemented. Each checks its format on the way in and on the way out, so a resolver
 * returning a malformed date fails the field as AppSync does.
 */
final class AppSyncScalars {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{2,}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 =
            Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");

    private AppSyncScalars() {}

    static List<GraphQLScalarType> all() {
        return List.of(
                text(
                        "AWSDateTime",
                        "an ISO-8601 date and time with an offset",
                        s -> parses(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                text("AWSDate", "an ISO-8601 date", s -> parses(s, DateTimeFormatter.ISO_DATE)),
                text("AWSTime", "an ISO-8601 time", s -> parses(s, DateTimeFormatter.ISO_TIME)),
                text("AWSEmail", "an email address", s -> EMAIL.matcher(s).matches()),
                text("AWSURL", "a URL with a scheme", AppSyncScalars::isUrl),
                text("AWSPhone", "a phone number", s -> PHONE.matcher(s).matches()),
                text(
                        "AWSIPAddress",
                        "an IPv4 or IPv6 address",
                        s -> IPV4.matcher(s).matches() || IPV6.matcher(s).matches()),
                json(),
                timestamp());
    }

    private static boolean parses(String value, DateTimeFormatter format) {
        try {
            format.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getHost() != null || uri.getSchemeSpecificPart() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Every scalar is described as AppSync's, so introspection tells them from GraphQL's own. */
    private static GraphQLScalarType scalar(String name, String meaning, Coercing<?, ?> coercing) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description("AppSync scalar: " + meaning)
                .coercing(coercing)
                .build();
    }

    /** A scalar carried as a JSON string whose content must pass {@code valid}. */
    private static GraphQLScalarType text(String name, String meaning, Predicate<String> valid) {
        return scalar(name, meaning, new Coercing<String, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String s && valid.test(s)) {
                    return s;
                }
                throw new CoercingSerializeException("Can't serialize value (" + value + ") : Unable to serialize `"
                        + value + "` as a valid " + name + ".");
            }

            @Override
            public String parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s && valid.test(s)) {
                    return s;
                }
                throw new CoercingParseValueException("Variable value is not a valid " + name + " (" + meaning + ")");
            }

            @Override
            public String parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s && valid.test(s.getValue())) {
                    return s.getValue();
                }
                throw new CoercingParseLiteralException("Literal is not a valid " + name + " (" + meaning + ")");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(String.valueOf(input));
            }
        });
    }

    /** AWSJSON: JSON text on the wire; resolvers may return any JSON value, which is rendered as text. */
    private static GraphQLScalarType json() {
        return scalar("AWSJSON", "JSON text", new Coercing<String, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                try {
                    return value instanceof String s ? validJson(s) : JSON.writeValueAsString(value);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new CoercingSerializeException("Unable to serialize value as AWSJSON");
                }
            }

            @Override
            public String parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return validJson(String.valueOf(input));
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseValueException("Variable value is not valid AWSJSON");
                }
            }

            @Override
            public String parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    try {
                        return validJson(s.getValue());
                    } catch (IllegalArgumentException e) {
                        // fall through to the error below
                    }
                }
                throw new CoercingParseLiteralException("Literal is not valid AWSJSON");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(String.valueOf(input));
            }
        });
    }

    private static String validJson(String text) {
        try {
            JSON.readTree(text);
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** AWSTimestamp: seconds since the epoch, an integer. */
    private static GraphQLScalarType timestamp() {
        return scalar("AWSTimestamp", "epoch seconds", new Coercing<Long, Long>() {
            @Override
            public Long serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Integer || value instanceof Long) {
                    return ((Number) value).longValue();
                }
                throw new CoercingSerializeException("Unable to serialize `" + value + "` as a valid AWSTimestamp.");
            }

            @Override
            public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof Integer || input instanceof Long) {
                    return ((Number) input).longValue();
                }
                throw new CoercingParseValueException("Variable value is not a valid AWSTimestamp");
            }

            @Override
            public Long parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof IntValue i && i.getValue().bitLength() < 64) {
                    return i.getValue().longValue();
                }
                throw new CoercingParseLiteralException("Literal is not a valid AWSTimestamp");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return new IntValue(BigInteger.valueOf(((Number) input).longValue()));
            }
        });
    }
}
