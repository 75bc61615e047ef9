package care.homeprogram.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.notifications.service.P256;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The push subscription endpoints refuse what they must: no token (401), an admin (403, admins get no clinical
 * notices), and every malformed subscription with a 400 problem naming the field, never a 500: not a push service's
 * URL, a key that is not a P-256 point, an auth secret of the wrong length, absurd sizes, not JSON at all.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class PushSubscriptionApiTest {
    private static final String SUBSCRIPTIONS = "/api/notifications/push/subscriptions";

    /** A well-formed subscription to this endpoint, with a fresh browser key and auth secret. */
    static String subscription(String endpoint) {
        return subscription(endpoint, browserKey(), P256.base64Url(randomBytes(16)));
    }

    static String subscription(String endpoint, String p256dh, String auth) {
        return "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"" + auth
                + "\"}}";
    }

    @Test
    void withoutATokenOrAsAnAdminNothingIsReachable() {
        given().get("/api/notifications/push/key").then().statusCode(401);
        given().contentType(ContentType.JSON).body(subscription("http://localhost:9/push/x")).post(SUBSCRIPTIONS)
                .then().statusCode(401);
        given().delete(SUBSCRIPTIONS + "/" + UUID.randomUUID()).then().statusCode(401);
        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).get("/api/notifications/push/key").then().statusCode(403);
        given().auth().oauth2(ada).get(SUBSCRIPTIONS).then().statusCode(403);
        given().auth().oauth2(ada).contentType(ContentType.JSON).body(subscription("http://localhost:9/push/x"))
                .post(SUBSCRIPTIONS).then().statusCode(403);
        given().auth().oauth2(ada).delete(SUBSCRIPTIONS + "/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void aMalformedSubscriptionIsA400NamingTheField() {
        String pat = Tokens.accessToken("pat");
        String key = browserKey();
        String auth = P256.base64Url(randomBytes(16));
        String notOnTheCurve = P256.base64Url(withFirstByte(randomBytes(65), (byte) 4));
        String endpoint = "http://localhost:9/push/" + UUID.randomUUID();
        List<String[]> cases = List.of(
                new String[] { subscription("https://attacker.example.org/push/1", key, auth), "endpoint" },
                new String[] { subscription("https://localhost.attacker.example.org/x", key, auth), "endpoint" },
                new String[] { subscription("ftp://localhost/push/1", key, auth), "endpoint" },
                new String[] { subscription("http://user@localhost:9/push/1", key, auth), "endpoint" },
                new String[] { subscription("not a url", key, auth), "endpoint" },
                new String[] { subscription("http://localhost:9/" + "x".repeat(5000), key, auth), "endpoint" },
                new String[] { subscription(endpoint, key.substring(0, 40), auth), "keys.p256dh" },
                new String[] { subscription(endpoint, notOnTheCurve, auth), "keys.p256dh" },
                new String[] { subscription(endpoint, "***not base64***", auth), "keys.p256dh" },
                new String[] { subscription(endpoint, "A".repeat(100_000), auth), "keys.p256dh" },
                new String[] { subscription(endpoint, key, P256.base64Url(randomBytes(15))), "keys.auth" },
                new String[] { subscription(endpoint, key, "%%%%"), "keys.auth" },
                new String[] { "{\"endpoint\":\"" + endpoint + "\"}", "keys" },
                new String[] { "{\"keys\":{\"p256dh\":\"" + key + "\",\"auth\":\"" + auth + "\"}}", "endpoint" });
        for (String[] c : cases) {
            var response = given().auth().oauth2(pat).contentType(ContentType.JSON).body(c[0]).post(SUBSCRIPTIONS);
            assertThat(response.statusCode()).as("%s: %s", c[0].length() > 300 ? c[0].substring(0, 300) : c[0],
                    response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.asString()).as(c[0].length() > 300 ? c[0].substring(0, 300) : c[0]).contains(c[1]);
        }
        for (String body : List.of("", "null", "[]", "not json", "{\"endpoint\": 12345678901234567890}")) {
            assertThat(given().auth().oauth2(pat).contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS)
                    .statusCode()).as(body).isEqualTo(400);
        }
        given().auth().oauth2(pat).delete(SUBSCRIPTIONS + "/not-a-uuid").then().statusCode(404);
        assertThat(given().auth().oauth2(pat).get(SUBSCRIPTIONS).then().statusCode(200).extract().jsonPath()
                .getList("endpoint")).noneMatch(e -> e.toString().contains("attacker"));
    }

    @Test
    void aDeviceSubscribedByAnotherPersonIsTheirsAloneAfterwards() {
        String endpoint = "http://localhost:9/push/" + UUID.randomUUID();
        String body = subscription(endpoint);
        String pat = Tokens.accessToken("pat");
        String sam = Tokens.accessToken("sam");
        given().auth().oauth2(pat).contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then()
                .statusCode(201);
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS).then()
                .statusCode(201);
        assertThat(given().auth().oauth2(pat).get(SUBSCRIPTIONS).then().statusCode(200).extract().jsonPath()
                .getList("endpoint")).doesNotContain(endpoint);
        assertThat(given().auth().oauth2(sam).get(SUBSCRIPTIONS).then().statusCode(200).extract().jsonPath()
                .getList("endpoint")).contains(endpoint);
    }

    private static String browserKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256.PARAMETERS);
            return P256.base64Url(P256.uncompressed((ECPublicKey) generator.generateKeyPair().getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] withFirstByte(byte[] bytes, byte first) {
        bytes[0] = first;
        return bytes;
    }
}
