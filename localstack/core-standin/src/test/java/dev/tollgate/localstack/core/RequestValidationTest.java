package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testkit.CdiCalls;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every request the core refuses, with the core's status and text body: malformed JSON, missing or
 * mistyped fields (named in the message), api-key, cdi-version, unknown paths and methods.
 */
class RequestValidationTest {

    private static final String API_KEY = "test-api-key-0123456789";

    @AutoClose
    private static final StandIn standIn =
            StandIn.start(config -> config.apiKey(API_KEY), Map.of("cdi-version", "5.4", "api-key", API_KEY));

    private static final CdiCalls calls = standIn.calls();
    private static final URI uri = standIn.core().uri();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "/recipe/session|`not json`|Invalid Json Input",
                "/recipe/session|`[]`|Invalid Json Input",
                "/recipe/session|``|Invalid Json Input",
                "/recipe/session|`{\"userDataInJWT\":{}}`|Field name 'userId' is invalid in JSON input",
                "/recipe/session|`{\"userId\":5}`|Field name 'userId' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\"}`|Field name 'enableAntiCsrf' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":\"false\"}`|Field name 'enableAntiCsrf' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false}`|Field name 'userDataInJWT' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false,\"userDataInJWT\":[]}`|Field name 'userDataInJWT' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false,\"userDataInJWT\":{}}`|Field name 'userDataInDatabase' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false,\"userDataInJWT\":{},\"userDataInDatabase\":{},\"useDynamicSigningKey\":\"yes\"}`|Field name 'useDynamicSigningKey' is invalid in JSON input",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false,\"userDataInJWT\":{\"sub\":\"x\"},\"userDataInDatabase\":{}}`|The user payload contains protected field",
                "/recipe/session|`{\"userId\":\"u\",\"enableAntiCsrf\":false,\"userDataInJWT\":{\"rsub\":\"x\"},\"userDataInDatabase\":{}}`|The user payload contains protected field",
                "/recipe/session/verify|`{}`|Field name 'accessToken' is invalid in JSON input",
                "/recipe/session/verify|`{\"accessToken\":\"a\",\"antiCsrfToken\":null}`|Field name 'antiCsrfToken' is invalid in JSON input",
                "/recipe/session/verify|`{\"accessToken\":\"a\"}`|Field name 'doAntiCsrfCheck' is invalid in JSON input",
                "/recipe/session/verify|`{\"accessToken\":\"a\",\"doAntiCsrfCheck\":false}`|Field name 'enableAntiCsrf' is invalid in JSON input",
                "/recipe/session/verify|`{\"accessToken\":\"a\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false}`|Field name 'checkDatabase' is invalid in JSON input",
                "/recipe/session/refresh|`{}`|Field name 'refreshToken' is invalid in JSON input",
                "/recipe/session/refresh|`{\"refreshToken\":\"x\"}`|Field name 'enableAntiCsrf' is invalid in JSON input",
                "/recipe/session/refresh|`{\"refreshToken\":\"x\",\"enableAntiCsrf\":false}`|Field name 'useDynamicSigningKey' is invalid in JSON input",
                "/recipe/session/regenerate|`{}`|Field name 'accessToken' is invalid in JSON input",
                "/recipe/session/regenerate|`{\"accessToken\":\"a\",\"userDataInJWT\":\"x\"}`|Field name 'userDataInJWT' is invalid in JSON input",
                "/recipe/session/remove|`{}`|Invalid JSON input - use one of userId or sessionHandles array",
                "/recipe/session/remove|`{\"userId\":\"u\",\"sessionHandles\":[]}`|Invalid JSON input - use one of userId or sessionHandles array",
                "/recipe/session/remove|`{\"sessionHandles\":\"h\"}`|Field name 'sessionHandles' is invalid in JSON input",
                "/recipe/session/remove|`{\"sessionHandles\":[1]}`|Field name 'sessionHandles' is invalid in JSON input",
                "/recipe/session/remove|`{\"sessionHandles\":[],\"revokeAcrossAllTenants\":true}`|Invalid JSON input - revokeAcrossAllTenants can only be set if userId is set",
                "/recipe/session/remove|`{\"sessionHandles\":[],\"revokeSessionsForLinkedAccounts\":true}`|Invalid JSON input - revokeSessionsForLinkedAccounts can only be set if userId is set",
                "/public/recipe/signup|`{}`|Field name 'email' is invalid in JSON input",
                "/public/recipe/signup|`{\"email\":\"a@b.c\"}`|Field name 'password' is invalid in JSON input",
                "/public/recipe/signup|`{\"email\":\"a@b.c\",\"password\":\"\"}`|Password cannot be an empty string",
                "/public/recipe/signin|`{\"password\":\"p\"}`|Field name 'email' is invalid in JSON input",
                "/public/recipe/signin|`{\"email\":\"a@b.c\",\"password\":7}`|Field name 'password' is invalid in JSON input",
                "/public/recipe/user/email/verify/token|`{\"email\":\"a@b.c\"}`|Field name 'userId' is invalid in JSON input",
                "/public/recipe/user/email/verify/token|`{\"userId\":\"u\"}`|Field name 'email' is invalid in JSON input",
                "/public/recipe/user/email/verify|`{\"token\":\"t\"}`|Field name 'method' is invalid in JSON input",
                "/public/recipe/user/email/verify|`{\"method\":\"token\"}`|Field name 'token' is invalid in JSON input",
                "/public/recipe/user/email/verify|`{\"method\":\"link\",\"token\":\"t\"}`|Unsupported method for email verification",
            })
    void badBodiesAre400WithTheCoresMessage(String path, String body, String message) {
        HttpResponse<String> response = calls.post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(message + "\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/recipe/session|Field name 'sessionHandle' is missing in GET request",
                "/user/id|Field name 'userId' is missing in GET request",
                "/public/users/by-accountinfo?email=a%40b.c|Field name 'doUnionOfAccountInfo' is missing in GET request",
                "/public/users/by-accountinfo?email=a%40b.c&doUnionOfAccountInfo=yes|'doUnionOfAccountInfo' should be either 'true' or 'false'",
                "/public/users/by-accountinfo?thirdPartyId=google&doUnionOfAccountInfo=true|If 'thirdPartyId' is provided, 'thirdPartyUserId' must also be provided, and vice versa",
                "/recipe/user/email/verify?userId=u|Field name 'email' is missing in GET request",
                "/recipe/session/user|Field name 'userId' is missing in GET request",
            })
    void badQueriesAre400WithTheCoresMessage(String path, String message) {
        HttpResponse<String> response = calls.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(message + "\n");
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        CdiCalls none = new CdiCalls(uri, Map.of("cdi-version", "5.4"));
        CdiCalls wrong = new CdiCalls(uri, Map.of("cdi-version", "5.4", "api-key", "wrong-key"));

        for (HttpResponse<String> response : List.of(
                none.get("/apiversion"),
                wrong.get("/apiversion"),
                none.post("/recipe/session/refresh", "{}"),
                wrong.post("/public/recipe/signup", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("Invalid API key\n");
        }
    }

    @Test
    void apiKeyIsAcceptedInTheHeaderOrAsAuthorization() {
        assertThat(calls.get("/apiversion").statusCode()).isEqualTo(200);
        assertThat(new CdiCalls(uri, Map.of("Authorization", "Bearer " + API_KEY))
                        .get("/apiversion")
                        .statusCode())
                .isEqualTo(200);
        assertThat(new CdiCalls(uri, Map.of("Authorization", API_KEY))
                        .get("/apiversion")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void jwksAndHelloNeedNoApiKey() {
        CdiCalls none = new CdiCalls(uri, Map.of());

        assertThat(none.get("/.well-known/jwks.json").statusCode()).isEqualTo(200);
        assertThat(none.get("/hello").statusCode()).isEqualTo(200);
        assertThat(none.get("/recipe/jwt/jwks").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"5.5", "6.0", "1.0", "2.6", "4.1"})
    void unknownCdiVersionIs400(String version) {
        HttpResponse<String> response = new CdiCalls(uri, Map.of("cdi-version", version, "api-key", API_KEY))
                .post("/recipe/session/refresh", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("cdi-version " + version + " not supported\n");
    }

    @Test
    void cdiVersionAboveTheLatestIsRefusedEvenWhereNoVersionIsNeeded() {
        CdiCalls future = new CdiCalls(uri, Map.of("cdi-version", "5.5", "api-key", API_KEY));

        assertThat(future.get("/apiversion").statusCode()).isEqualTo(400);
        assertThat(new CdiCalls(uri, Map.of("cdi-version", "1.0", "api-key", API_KEY))
                        .get("/apiversion")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void malformedCdiVersionIs400() {
        HttpResponse<String> response = new CdiCalls(uri, Map.of("cdi-version", "five", "api-key", API_KEY))
                .post("/recipe/session/refresh", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Invalid version format\n");
    }

    @Test
    void absentCdiVersionMeansTheLatest() {
        HttpResponse<String> response = new CdiCalls(uri, Map.of("api-key", API_KEY))
                .post("/recipe/session/refresh", "{\"refreshToken\":\"x\",\"enableAntiCsrf\":false}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Field name 'useDynamicSigningKey' is invalid in JSON input\n");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        HttpResponse<String> notFound = calls.get("/recipe/nothing");
        HttpResponse<String> wrongMethod = calls.get("/recipe/session/verify");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("Not found\n");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("Method not supported\n");
    }

    @Test
    void tenantAndAppPrefixesReachTheSameApi() {
        for (String path : new String[] {
            "/recipe/signin",
            "/public/recipe/signin",
            "/appid-public/recipe/signin",
            "/appid-public/public/recipe/signin"
        }) {
            HttpResponse<String> response = calls.post(path, "{\"email\":\"nobody@example.com\",\"password\":\"p\"}");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n");
        }
    }

    @Test
    void unknownTenantIs400() {
        HttpResponse<String> response = calls.post("/other/recipe/signin", "{\"email\":\"a@b.c\",\"password\":\"p\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("AppId or tenantId not found => ");
    }
}
