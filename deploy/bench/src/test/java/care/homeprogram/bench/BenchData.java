package care.homeprogram.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Progress;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;

/** What the benchmarks read: the acute template assigned to the demo patient pat, with a few sessions if asked. */
final class BenchData {
    private BenchData() {
    }

    /** A new plan from the acute template for pat, by tara; {@code sessions} logged on the three days before today. */
    static String assignAcuteTemplateToPat(String plans, boolean sessions) {
        String tara = Tokens.freshAccessToken("tara", Tokens.DEMO_PASSWORD);
        String templateId = given().baseUri(plans).auth().oauth2(tara).get("/api/templates").then().statusCode(200)
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + DemoUsers.PAT).statusCode() == 200);
        String id = given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + DemoUsers.PAT + "\", \"templateId\": \"" + templateId + "\"}")
                .post("/api/plans").then().statusCode(201).extract().path("id");
        if (!sessions) {
            return id;
        }
        String pat = Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD);
        String itemId = given().baseUri(plans).auth().oauth2(pat).get("/api/plans/" + id).then().statusCode(200)
                .extract().path("items[1].id");
        for (int day = 3; day >= 1; day--) {
            given().baseUri(plans).auth().oauth2(pat).contentType(ContentType.JSON)
                    .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusDays(day)
                            + "\", \"painBefore\": " + (day + 1) + ", \"painAfter\": " + day + ", \"symptoms\": []}")
                    .post("/api/plans/" + id + "/sessions").then().statusCode(201);
        }
        Progress.say("benchmark data: plan " + id + " with 3 sessions assigned to pat");
        return id;
    }
}
