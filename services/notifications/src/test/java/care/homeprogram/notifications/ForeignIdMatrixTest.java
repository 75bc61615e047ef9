package care.homeprogram.notifications;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.OpenApiOperations;
import care.homeprogram.testing.OpenApiOperations.Operation;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of notification-service's OpenAPI document that takes an id in its path, called for pat's
 * notification by callers who may not reach it (another patient, a therapist, an admin: an inbox is its owner's
 * alone): 404 problem+json, as for an id that does not exist; a role the operation is not for gets 403. Afterwards
 * pat's notification is as it was. A new operation with a path id fails here until the walk knows its ids.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class ForeignIdMatrixTest {
    private static final Map<String, String> ROLE_OF = Map.of("sam", "patient", "tara", "therapist", "ada", "admin");

    @Test
    void everyOperationWithAPathIdRefusesCallersWhoMayNotReachTheObject() throws Exception {
        DemoPatients.publishRegistrations();
        UUID planId = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", PAT.toString(), "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":"
                + "\"PlanAssigned\",\"occurredAt\":\"2026-11-23T10:00:00Z\",\"version\":1,\"aggregateId\":\"" + planId
                + "\",\"data\":{\"planId\":\"" + planId + "\",\"patientId\":\"" + PAT + "\",\"therapistId\":\""
                + TARA + "\",\"version\":1,\"startDate\":\"2026-11-23\",\"items\":[]}}");
        String pat = Tokens.accessToken("pat");
        String notificationId = await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonPath inbox = given().auth().oauth2(pat).get("/api/notifications?size=100").then().statusCode(200)
                    .extract().jsonPath();
            // this plan's own message: an earlier test's may be in the inbox already
            return inbox.<String>getList("items.findAll { it.readAt == null && it.subjectId == '" + planId
                    + "' }.id").stream().findFirst().orElse(null);
        }, id -> id != null);
        String inboxBefore = given().auth().oauth2(pat).get("/api/notifications?size=100").then().statusCode(200)
                .extract().asString();

        // pat's phone, subscribed for push: only pat may remove it
        String subscriptionId = given().auth().oauth2(pat).contentType("application/json")
                .body(PushSubscriptionApiTest.subscription("http://localhost:9/push/" + UUID.randomUUID()))
                .post("/api/notifications/push/subscriptions").then().statusCode(201).extract().path("id");
        String subscriptionsBefore = given().auth().oauth2(pat).get("/api/notifications/push/subscriptions").then()
                .statusCode(200).extract().asString();

        List<Operation> operations = OpenApiOperations.withPathIds();
        assertThat(operations).extracting(Operation::toString).contains("POST /api/notifications/{id}/read",
                "DELETE /api/notifications/push/subscriptions/{id}");
        for (Operation operation : operations) {
            assertThat(operation.hasBody()).as("%s: the walk sends no body; teach it one", operation).isFalse();
            String url = operation.template().startsWith("/api/notifications/{id}")
                    ? operation.template().replace("{id}", notificationId)
                    : operation.template().startsWith("/api/notifications/push/subscriptions/{id}")
                            ? operation.template().replace("{id}", subscriptionId) : operation.template();
            assertThat(url).as("every path id of %s is known to the walk", operation).doesNotContain("{");
            for (String who : List.of("sam", "tara", "ada")) {
                Response response = given().auth().oauth2(Tokens.accessToken(who)).when()
                        .request(operation.method(), url);
                boolean mayUseIt = operation.roles().isEmpty() || operation.roles().contains(ROLE_OF.get(who));
                assertThat(response.statusCode()).as("%s as %s: %s", operation, who, response.asString())
                        .isEqualTo(mayUseIt ? 404 : 403);
                if (mayUseIt) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("type"))
                            .isEqualTo("https://homeprogram.care/problems/not-found");
                }
            }
        }

        // a refused change changed nothing: pat's notification is still unread
        assertThat(given().auth().oauth2(pat).get("/api/notifications?size=100").then().statusCode(200)
                .extract().asString()).isEqualTo(inboxBefore);
        // and pat's phone is still subscribed, until pat removes it
        assertThat(given().auth().oauth2(pat).get("/api/notifications/push/subscriptions").then().statusCode(200)
                .extract().asString()).isEqualTo(subscriptionsBefore);
        given().auth().oauth2(pat).delete("/api/notifications/push/subscriptions/" + subscriptionId).then()
                .statusCode(204);
    }
}
