package dev.tollgate.authorizer.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written parser accepts exactly what the documented regular expression accepts, with the same groups. */
class MethodArnTest {

    /** The shape in {@link MethodArn}'s documentation, kept here as the specification. */
    private static final Pattern SHAPE = Pattern.compile(
            "(arn:aws[a-z-]*:execute-api:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9]+/[A-Za-z0-9_-]+)/([A-Z]+|\\*)/[^\\p{Cntrl}]*");

    private static final List<String> VALID = List.of(
            "arn:aws:execute-api:us-east-1:000000000000:abc/dev/POST/graphql",
            "arn:aws-cn:execute-api:cn-north-1:123456789012:a1B2/prod_v-2/*/",
            "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:x/s/GET/a b/%20/c?d",
            "arn:aws:execute-api:eu-west-3:999999999999:Z9/stage/DELETE/");

    @Test
    void readsTheScopeAndTheVerb() throws MalformedEventException {
        MethodArn arn = MethodArn.parse("arn:aws:execute-api:us-east-1:000000000000:abc/dev/POST/graphql");
        assertThat(arn.apiScope()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:abc/dev");
        assertThat(arn.verb()).isEqualTo("POST");
        assertThat(MethodArn.parse(VALID.get(1)).verb()).isEqualTo("*");
    }

    @Test
    void agreesWithTheRegularExpressionOnValidArnsAndOnTheirMutations() {
        Random random = new Random(20261205);
        String alphabet = "aZ09:/*-_. \u0000\u001f\u007f\u00e9Aarnws";
        List<String> inputs = new ArrayList<>(VALID);
        for (String valid : VALID) {
            for (int i = 0; i < 5_000; i++) {
                StringBuilder s = new StringBuilder(valid);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(s.length() + 1);
                    char ch = alphabet.charAt(random.nextInt(alphabet.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> s.insert(at, ch);
                        case 1 -> {
                            if (at < s.length()) {
                                s.deleteCharAt(at);
                            }
                        }
                        default -> {
                            if (at < s.length()) {
                                s.setCharAt(at, ch);
                            }
                        }
                    }
                }
                inputs.add(s.toString());
            }
        }
        int accepted = 0;
        for (String input : inputs) {
            Matcher m = SHAPE.matcher(input);
            if (m.matches()) {
                accepted++;
                assertThat(parse(input)).as(input).isEqualTo(new MethodArn(input, m.group(1), m.group(2)));
            } else {
                assertThatThrownBy(() -> MethodArn.parse(input))
                        .as(input)
                        .isInstanceOf(MalformedEventException.class)
                        .hasMessage("methodArn is not an execute-api method ARN");
            }
        }
        // Both sides of the comparison are exercised.
        assertThat(accepted).isBetween(VALID.size() + 100, inputs.size() - 100);
    }

    private static MethodArn parse(String input) {
        try {
            return MethodArn.parse(input);
        } catch (MalformedEventException e) {
            throw new AssertionError(input + " rejected: " + e.getMessage(), e);
        }
    }
}
