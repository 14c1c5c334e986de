package dev.tollgate.session.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.GoldenCaptures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Node's structural rules (docs/supertokens.md#token-encoding, #token-payload): what counts as a SuperTokens access token at all. */
class AccessTokenParserTest {
    static final String KID = "d-1795710292238";
    static final long IAT = 1_795_710_694L;

    static String token(ObjectNode header, ObjectNode payload) {
        return AccessTokens.sign(header, payload, KID);
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
        String minted = AccessTokens.v5(KID, IAT);
        String[] r = real.split("\\.");
        String[] m = minted.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(m[0]), StandardCharsets.UTF_8))
                .isEqualTo(new String(Base64.getUrlDecoder().decode(r[0]), StandardCharsets.UTF_8));
        List<String> realKeys = new ArrayList<>();
        AccessTokens.MAPPER
                .readTree(Base64.getUrlDecoder().decode(r[1]))
                .fieldNames()
                .forEachRemaining(realKeys::add);
        List<String> mintedKeys = new ArrayList<>();
        AccessTokens.MAPPER
                .readTree(Base64.getUrlDecoder().decode(m[1]))
                .fieldNames()
                .forEachRemaining(mintedKeys::add);
        // The golden session had no custom claims; ours adds node's iss at the end.
        assertThat(mintedKeys)
                .containsExactlyElementsOf(
                        Stream.concat(realKeys.stream(), Stream.of("iss")).toList());
        assertThat(Base64.getUrlDecoder().decode(m[2])).hasSize(256);
    }

    @Test
    void parsesV3AndV4Shapes() {
        AccessToken v3 =
                (AccessToken) AccessTokenParser.parse(token(AccessTokens.header(KID, 3), AccessTokens.payload(3, IAT)));
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.tenantId()).isEqualTo("public");
        assertThat(v3.recipeUserId()).isEqualTo(v3.userId());

        ObjectNode p4 = AccessTokens.payload(4, IAT).put("tId", "tenant-a");
        AccessToken v4 = (AccessToken) AccessTokenParser.parse(token(AccessTokens.header(KID, 4), p4));
        assertThat(v4.version()).isEqualTo(4);
        assertThat(v4.tenantId()).isEqualTo("tenant-a");
    }

    @Test
    void missingVersionMeansThreeAndVersionIsParsedLikeParseInt() {
        ObjectNode h = AccessTokens.header(KID, 5);
        h.remove("version");
        assertThat(AccessTokenParser.parse(token(h, AccessTokens.payload(3, IAT)))
                        .version())
                .isEqualTo(3);
        h.put("version", "5abc");
        assertThat(AccessTokenParser.parse(token(h, AccessTokens.payload(5, IAT)))
                        .version())
                .isEqualTo(5);
    }

    @Test
    void headerRulesRejectTheToken() {
        ObjectNode numericVersion = AccessTokens.header(KID, 5);
        numericVersion.put("version", 5);
        ObjectNode v2InKidHeader = AccessTokens.header(KID, 2);
        ObjectNode notJwt = AccessTokens.header(KID, 5).put("typ", "JWS");
        ObjectNode noTyp = AccessTokens.header(KID, 5);
        noTyp.remove("typ");
        ObjectNode noKid = AccessTokens.header(KID, 5);
        noKid.remove("kid");
        ObjectNode nanVersion = AccessTokens.header(KID, 5).put("version", "five");
        for (ObjectNode h : new ObjectNode[] {numericVersion, v2InKidHeader, notJwt, noTyp, noKid, nanVersion}) {
            assertThat(AccessTokenParser.parse(token(h, AccessTokens.payload(5, IAT))))
                    .as(h.toString())
                    .isNull();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "5, sub",
        "5, exp",
        "5, iat",
        "5, sessionHandle",
        "5, refreshTokenHash1",
        "5, rsub",
        "5, tId",
        "3, sub",
        "3, exp",
        "3, iat",
        "3, sessionHandle",
        "3, refreshTokenHash1"
    })
    void eachMandatoryClaimMissingMeansNotAToken(int version, String claim) {
        ObjectNode p = AccessTokens.payload(version, IAT);
        p.remove(claim);
        assertThat(AccessTokenParser.parse(token(AccessTokens.header(KID, version), p)))
                .isNull();
    }

    @Test
    void wrongClaimTypesMeanNotAToken() {
        ObjectNode[] payloads = {
            AccessTokens.payload(5, IAT).put("exp", "1795714294"),
            AccessTokens.payload(5, IAT).put("iat", "now"),
            AccessTokens.payload(5, IAT).put("sub", 42),
            AccessTokens.payload(5, IAT).put("rsub", true),
            AccessTokens.payload(5, IAT).put("sessionHandle", 1),
            AccessTokens.payload(5, IAT).put("tId", 7),
            AccessTokens.payload(5, IAT).put("stt", 1),
            AccessTokens.payload(5, IAT).put("stt", "0"),
        };
        for (ObjectNode p : payloads) {
            assertThat(AccessTokenParser.parse(token(AccessTokens.header(KID, 5), p)))
                    .as(p.toString())
                    .isNull();
        }
        assertThat(AccessTokenParser.parse(token(
                        AccessTokens.header(KID, 5),
                        AccessTokens.payload(5, IAT).put("stt", 0))))
                .isNotNull();
    }

    @Test
    void stringClaimsAreTrimmedLikeNode() {
        ObjectNode p = AccessTokens.payload(5, IAT).put("sub", "  user-1 ");
        assertThat(((AccessToken) AccessTokenParser.parse(token(AccessTokens.header(KID, 5), p))).userId())
                .isEqualTo("user-1");
    }

    @Test
    void malformedStructureBase64OrJsonMeansNotAToken() {
        String good = AccessTokens.v5(KID, IAT);
        String[] parts = good.split("\\.");
        String notJson = AccessTokens.b64("{\"kid\":".getBytes(StandardCharsets.UTF_8));
        String array = AccessTokens.b64("[1,2]".getBytes(StandardCharsets.UTF_8));
        String trailing = AccessTokens.b64("{\"typ\":\"JWT\",\"kid\":\"d-1\"} x".getBytes(StandardCharsets.UTF_8));
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
        String header = AccessTokens.encode(AccessTokens.header(KID, 5));
        String json = AccessTokens.payload(5, IAT).put("name", "X").toString();
        // An invalid UTF-8 byte inside a string becomes U+FFFD, as Buffer.toString() does; the token still parses.
        byte[] bytes = json.replace("\"X\"", "\"\u00ff\"").getBytes(StandardCharsets.ISO_8859_1);
        AccessToken t = (AccessToken) AccessTokenParser.parse(header + "." + AccessTokens.b64(bytes) + ".c2ln");
        assertThat(t.payload().get("name").asText()).isEqualTo("\ufffd");
        // UTF-16 is not JSON to node (zero bytes), whatever Jackson could sniff.
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16LE);
        assertThat(AccessTokenParser.parse(header + "." + AccessTokens.b64(utf16) + ".c2ln"))
                .isNull();
    }

    @Test
    void a64KilobyteTokenIsNotParsed() {
        ObjectNode p = AccessTokens.payload(5, IAT).put("junk", "x".repeat(64 * 1024));
        String huge = token(AccessTokens.header(KID, 5), p);
        assertThat(huge.length()).isGreaterThan(64 * 1024);
        assertThat(AccessTokenParser.parse(huge)).isNull();
    }

    @Test
    void aDeeplyNestedPayloadIsNotATokenAndNeverAStackOverflow() {
        // Parsed before any signature check, so anyone can send it; the parser's depth limit must hold.
        String json = AccessTokens.payload(5, IAT).toString();
        String nested = json.substring(0, json.length() - 1) + ",\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String header = AccessTokens.b64(AccessTokens.header(KID, 5).toString().getBytes(StandardCharsets.UTF_8));
        String jwt = header + "." + AccessTokens.b64(nested.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        assertThat(jwt.length()).isLessThan(AccessTokenParser.MAX_TOKEN_LENGTH);
        assertThat(AccessTokenParser.parse(jwt)).isNull();
    }

    @Test
    void legacyV1AndV2HeadersAreLegacyTokens() {
        for (String v : new String[] {"1", "2"}) {
            String header = Base64.getEncoder()
                    .encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"" + v + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            ObjectNode p = AccessTokens.MAPPER
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
        ParsedToken minted = AccessTokenParser.parse(AccessTokens.v2(KID, 1_795_710_694L));
        assertThat(minted).isInstanceOf(LegacyAccessToken.class);
        assertThat(minted.version()).isEqualTo(2);
    }

    @Test
    void toStringNeverShowsTheToken() {
        String jwt = AccessTokens.v5(KID, IAT);
        assertThat(AccessTokenParser.parse(jwt).toString())
                .doesNotContain(jwt.substring(0, 20))
                .doesNotContain(AccessTokens.USER);
    }
}
