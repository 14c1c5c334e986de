package dev.tollgate.session.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.testing.GoldenCaptures;
import dev.tollgate.session.testing.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Node's structural rules (docs/supertokens.md#token-encoding, #token-payload): what counts as a SuperTokens access token at all. */
class AccessTokenParserTest {
    static final String KID = "d-1795710292238";
    static final long IAT = 1_795_710_694L;

    static String token(ObjectNode header, ObjectNode payload) {
        return TokenMinter.sign(header, payload, KID);
    }

    @Test
    void parsesARealCoreV5Token() {
        String jwt = GoldenCaptures.find("POST", "/recipe/session", 0)
                .responseJson()
                .get("accessToken")
                .get("token")
                .asText();
        ParsedToken parsed = AccessTokenParser.parse(jwt);
        assertThat(parsed).isInstanceOfSatisfying(AccessToken.class, t -> {
            assertThat(t.version()).isEqualTo(5);
            assertThat(t.kid()).isEqualTo(KID);
            assertThat(t.alg()).isEqualTo("RS256");
            assertThat(t.userId()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
            assertThat(t.recipeUserId()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
            assertThat(t.sessionHandle()).isEqualTo("2381cf94-9603-46b0-bebc-70d8fcdc0bb9");
            assertThat(t.tenantId()).isEqualTo("public");
            assertThat(t.parentRefreshTokenHash1()).isNull();
            assertThat(t.antiCsrfToken()).isNull();
            assertThat(t.expiryMillis()).isEqualTo(1795714294000L);
            assertThat(t.payload().get("role").asText()).isEqualTo("tester");
            assertThat(t.signedWithDynamicKey()).isTrue();
        });
    }

    @Test
    void testTokensHaveTheShapeOfRealCoreTokens() throws Exception {
        String real = GoldenCaptures.find("POST", "/recipe/session", 1)
                .responseJson()
                .get("accessToken")
                .get("token")
                .asText();
        String minted = TokenMinter.v5(KID, IAT);
        String[] r = real.split("\\.");
        String[] m = minted.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(m[0]), StandardCharsets.UTF_8))
                .isEqualTo(new String(Base64.getUrlDecoder().decode(r[0]), StandardCharsets.UTF_8));
        java.util.List<String> realKeys = new java.util.ArrayList<>();
        TokenMinter.MAPPER
                .readTree(Base64.getUrlDecoder().decode(r[1]))
                .fieldNames()
                .forEachRemaining(realKeys::add);
        java.util.List<String> mintedKeys = new java.util.ArrayList<>();
        TokenMinter.MAPPER
                .readTree(Base64.getUrlDecoder().decode(m[1]))
                .fieldNames()
                .forEachRemaining(mintedKeys::add);
        // The golden session had no custom claims; ours adds node's iss at the end.
        assertThat(mintedKeys)
                .containsExactlyElementsOf(
                        java.util.stream.Stream.concat(realKeys.stream(), java.util.stream.Stream.of("iss"))
                                .toList());
        assertThat(Base64.getUrlDecoder().decode(m[2])).hasSize(256);
    }

    @Test
    void parsesV3AndV4Shapes() {
        AccessToken v3 =
                (AccessToken) AccessTokenParser.parse(token(TokenMinter.header(KID, 3), TokenMinter.payload(3, IAT)));
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.tenantId()).isEqualTo("public");
        assertThat(v3.recipeUserId()).isEqualTo(v3.userId());

        ObjectNode p4 = TokenMinter.payload(4, IAT).put("tId", "tenant-a");
        AccessToken v4 = (AccessToken) AccessTokenParser.parse(token(TokenMinter.header(KID, 4), p4));
        assertThat(v4.version()).isEqualTo(4);
        assertThat(v4.tenantId()).isEqualTo("tenant-a");
    }

    @Test
    void missingVersionMeansThreeAndVersionIsParsedLikeParseInt() {
        ObjectNode h = TokenMinter.header(KID, 5);
        h.remove("version");
        assertThat(AccessTokenParser.parse(token(h, TokenMinter.payload(3, IAT)))
                        .version())
                .isEqualTo(3);
        h.put("version", "5abc");
        assertThat(AccessTokenParser.parse(token(h, TokenMinter.payload(5, IAT)))
                        .version())
                .isEqualTo(5);
    }

    @Test
    void headerRulesRejectTheToken() {
        ObjectNode numericVersion = TokenMinter.header(KID, 5);
        numericVersion.put("version", 5);
        ObjectNode v2InKidHeader = TokenMinter.header(KID, 2);
        ObjectNode notJwt = TokenMinter.header(KID, 5).put("typ", "JWS");
        ObjectNode noTyp = TokenMinter.header(KID, 5);
        noTyp.remove("typ");
        ObjectNode noKid = TokenMinter.header(KID, 5);
        noKid.remove("kid");
        ObjectNode nanVersion = TokenMinter.header(KID, 5).put("version", "five");
        for (ObjectNode h : new ObjectNode[] {numericVersion, v2InKidHeader, notJwt, noTyp, noKid, nanVersion}) {
            assertThat(AccessTokenParser.parse(token(h, TokenMinter.payload(5, IAT))))
                    .as(h.toString())
                    .isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "exp", "iat", "sessionHandle", "refreshTokenHash1", "rsub", "tId"})
    void eachMandatoryV5ClaimMissingMeansNotAToken(String claim) {
        ObjectNode p = TokenMinter.payload(5, IAT);
        p.remove(claim);
        assertThat(AccessTokenParser.parse(token(TokenMinter.header(KID, 5), p)))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "exp", "iat", "sessionHandle", "refreshTokenHash1"})
    void eachMandatoryV3ClaimMissingMeansNotAToken(String claim) {
        ObjectNode p = TokenMinter.payload(3, IAT);
        p.remove(claim);
        assertThat(AccessTokenParser.parse(token(TokenMinter.header(KID, 3), p)))
                .isNull();
    }

    @Test
    void wrongClaimTypesMeanNotAToken() {
        ObjectNode[] payloads = {
            TokenMinter.payload(5, IAT).put("exp", "1795714294"),
            TokenMinter.payload(5, IAT).put("iat", "now"),
            TokenMinter.payload(5, IAT).put("sub", 42),
            TokenMinter.payload(5, IAT).put("rsub", true),
            TokenMinter.payload(5, IAT).put("sessionHandle", 1),
            TokenMinter.payload(5, IAT).put("tId", 7),
            TokenMinter.payload(5, IAT).put("stt", 1),
            TokenMinter.payload(5, IAT).put("stt", "0"),
        };
        for (ObjectNode p : payloads) {
            assertThat(AccessTokenParser.parse(token(TokenMinter.header(KID, 5), p)))
                    .as(p.toString())
                    .isNull();
        }
        assertThat(AccessTokenParser.parse(token(
                        TokenMinter.header(KID, 5), TokenMinter.payload(5, IAT).put("stt", 0))))
                .isNotNull();
    }

    @Test
    void stringClaimsAreTrimmedLikeNode() {
        ObjectNode p = TokenMinter.payload(5, IAT).put("sub", "  user-1 ");
        assertThat(((AccessToken) AccessTokenParser.parse(token(TokenMinter.header(KID, 5), p))).userId())
                .isEqualTo("user-1");
    }

    @Test
    void malformedStructureBase64OrJsonMeansNotAToken() {
        String good = TokenMinter.v5(KID, IAT);
        String[] parts = good.split("\\.");
        String notJson = TokenMinter.b64("{\"kid\":".getBytes(StandardCharsets.UTF_8));
        String array = TokenMinter.b64("[1,2]".getBytes(StandardCharsets.UTF_8));
        String trailing = TokenMinter.b64("{\"typ\":\"JWT\",\"kid\":\"d-1\"} x".getBytes(StandardCharsets.UTF_8));
        String[] bad = {
            "",
            "abc",
            parts[0] + "." + parts[1],
            good + ".extra",
            "!!!." + parts[1] + "." + parts[2],
            parts[0] + ".%%%." + parts[2],
            notJson + "." + parts[1] + "." + parts[2],
            parts[0] + "." + array + "." + parts[2],
            trailing + "." + parts[1] + "." + parts[2],
            parts[0] + "." + notJson + "." + parts[2],
        };
        for (String t : bad) {
            assertThat(AccessTokenParser.parse(t)).as(t).isNull();
        }
    }

    @Test
    void payloadBytesAreReadAsUtf8LikeNodesBuffer() throws Exception {
        String header = TokenMinter.encode(TokenMinter.header(KID, 5));
        String json = TokenMinter.payload(5, IAT).put("name", "X").toString();
        // An invalid UTF-8 byte inside a string becomes U+FFFD, as Buffer.toString() does; the token still parses.
        byte[] bytes = json.replace("\"X\"", "\"\u00ff\"").getBytes(StandardCharsets.ISO_8859_1);
        AccessToken t = (AccessToken) AccessTokenParser.parse(header + "." + TokenMinter.b64(bytes) + ".c2ln");
        assertThat(t.payload().get("name").asText()).isEqualTo("\ufffd");
        // UTF-16 is not JSON to node (zero bytes), whatever Jackson could sniff.
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16LE);
        assertThat(AccessTokenParser.parse(header + "." + TokenMinter.b64(utf16) + ".c2ln"))
                .isNull();
    }

    @Test
    void a64KilobyteTokenIsNotParsed() {
        ObjectNode p = TokenMinter.payload(5, IAT).put("junk", "x".repeat(64 * 1024));
        String huge = token(TokenMinter.header(KID, 5), p);
        assertThat(huge.length()).isGreaterThan(64 * 1024);
        assertThat(AccessTokenParser.parse(huge)).isNull();
    }

    @Test
    void aDeeplyNestedPayloadIsNotATokenAndNeverAStackOverflow() {
        // Parsed before any signature check, so anyone can send it; the parser's depth limit must hold.
        String json = TokenMinter.payload(5, IAT).toString();
        String nested = json.substring(0, json.length() - 1) + ",\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String header = TokenMinter.b64(TokenMinter.header(KID, 5).toString().getBytes(StandardCharsets.UTF_8));
        String jwt = header + "." + TokenMinter.b64(nested.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        assertThat(jwt.length()).isLessThan(AccessTokenParser.MAX_TOKEN_LENGTH);
        assertThat(AccessTokenParser.parse(jwt)).isNull();
    }

    @Test
    void legacyV1AndV2HeadersAreLegacyTokens() {
        for (String v : new String[] {"1", "2"}) {
            String header = Base64.getEncoder()
                    .encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"" + v + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            ObjectNode p = TokenMinter.MAPPER
                    .createObjectNode()
                    .put("sessionHandle", "h")
                    .put("userId", "u")
                    .put("refreshTokenHash1", "r")
                    .put("expiryTime", 1L)
                    .put("timeCreated", 1L);
            p.putObject("userData");
            String payload = Base64.getEncoder().encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
            ParsedToken parsed = AccessTokenParser.parse(header + "." + payload + ".c2ln");
            assertThat(parsed).isInstanceOf(LegacyAccessToken.class);
            assertThat(parsed.version()).isEqualTo(2);
            p.remove("userData");
            String noUserData = Base64.getEncoder().encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(AccessTokenParser.parse(header + "." + noUserData + ".c2ln"))
                    .isNull();
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        String jwt = TokenMinter.v5(KID, IAT);
        assertThat(AccessTokenParser.parse(jwt).toString())
                .doesNotContain(jwt.substring(0, 20))
                .doesNotContain(TokenMinter.USER);
    }
}
