package dev.tollgate.authorizer.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.authorizer.event.AuthorizerEvent;
import dev.tollgate.authorizer.event.EventReader;
import dev.tollgate.authorizer.policy.PolicyScope;
import dev.tollgate.authorizer.policy.PolicyWriter;
import dev.tollgate.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponderTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/graphql";

    private static AuthorizerEvent event() throws Exception {
        return new EventReader()
                .read(new ByteArrayInputStream(
                        Fixtures.event("allow-no-session.json").getBytes(StandardCharsets.UTF_8)));
    }

    private static String render(PolicyScope scope, Decision decision) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Responder(new PolicyWriter(scope)).respond(decision, event().methodArn(), "req-1", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allowForAUserNamesTheMethodAndCarriesOnlyStrings() throws Exception {
        String json = render(
                PolicyScope.METHOD,
                new Decision.Allow(Reason.SESSION_VALID_NEW_TOKEN, "user-1", "sAccessToken=abc; Path=/", "eyJ1aWQ="));

        assertThat(json)
                .isEqualTo("{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + ARN
                        + "\"}]},"
                        + "\"context\":{\"setCookie\":\"sAccessToken=abc; Path=/\",\"frontToken\":\"eyJ1aWQ=\"}}");
    }

    @Test
    void anonymousAllowHasAnEmptyPrincipalAndAnEmptySetCookieAndNoFrontToken() throws Exception {
        String json = render(PolicyScope.METHOD, new Decision.Allow(Reason.NO_SESSION, null, null, null));

        assertThat(json)
                .isEqualTo("{\"principalId\":\"\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + ARN
                        + "\"}]},"
                        + "\"context\":{\"setCookie\":\"\"}}");
        assertThat(json).doesNotContain("Condition").doesNotContain("null");
    }

    @Test
    void apiScopeNamesEveryMethodOfTheStage() throws Exception {
        String json = render(PolicyScope.API, new Decision.Allow(Reason.NO_SESSION, null, null, null));

        assertThat(json).contains("\"Resource\":\"arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/*/*\"");
    }

    @Test
    void denyCarriesTheInvalidClaimBodyAsAStringAndTheCookie() throws Exception {
        String body = "{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":\"st-ev\","
                + "\"reason\":{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":false}}]}";
        String json = render(
                PolicyScope.METHOD,
                new Decision.Deny(Reason.INVALID_CLAIMS, "user-1", body, "sAccessToken=abc; Path=/"));

        assertThat(json)
                .isEqualTo("{\"principalId\":\"\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"" + ARN
                        + "\"}]},"
                        + "\"context\":{\"body\":\"{\\\"message\\\":\\\"invalid claim\\\",\\\"claimValidationErrors\\\":[{\\\"id\\\":"
                        + "\\\"st-ev\\\",\\\"reason\\\":{\\\"message\\\":\\\"wrong value\\\",\\\"expectedValue\\\":true,"
                        + "\\\"actualValue\\\":false}}]}\",\"setCookie\":\"sAccessToken=abc; Path=/\"}}");
        // Without a cookie the key is still there, empty, as the ACCESS_DENIED mapping expects.
        assertThat(render(PolicyScope.METHOD, new Decision.Deny(Reason.INVALID_CLAIMS, null, body, null)))
                .endsWith(",\"setCookie\":\"\"}}");
    }

    @Test
    void unauthorizedThrowsExactlyUnauthorizedAndFailuresThrowSomethingElse() {
        assertThatThrownBy(() ->
                        render(PolicyScope.METHOD, new Decision.Unauthorized(Reason.TRY_REFRESH, null, "expired")))
                .isInstanceOf(UnauthorizedError.class)
                .hasMessage("Unauthorized")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThatThrownBy(() -> render(
                        PolicyScope.METHOD, new Decision.Failure(Reason.CORE_UNAVAILABLE, null, "jwks unreachable")))
                .isInstanceOf(AuthorizerError.class)
                .hasMessage("Authorizer failure: CORE_UNAVAILABLE (request req-1)")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aMethodArnLongerThanAPolicyResourceMayBeIsNamedByStageAndVerb() throws Exception {
        String longPath = "a/".repeat(300);
        String event = Fixtures.event("allow-no-session.json").replace("/dev/POST/graphql", "/dev/POST/" + longPath);
        AuthorizerEvent e = new EventReader().read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Responder(new PolicyWriter(PolicyScope.METHOD))
                .respond(new Decision.Allow(Reason.NO_SESSION, null, null, null), e.methodArn(), null, out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"Resource\":\"arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/*\"");
    }
}
