package care.homeprogram.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.testing.DatabaseRoles;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * plan-service runs as its runtime database role: it reads and writes its data and records audit, while its
 * credentials cannot switch off, rewrite or delete the audit trail (issue #12, finding 2). Theo's own exercise:
 * other tests count Tara's library.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class DatabaseRolesTest {
    @Test
    void theServiceWorksAsItsRuntimeRoleWhichCannotTamperWithTheAuditTrail() {
        long before = DatabaseRoles.auditRecords();
        String theo = Tokens.accessToken("theo");
        String name = "Ankle circles " + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(theo).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"category\": \"MOVEMENT\", \"summary\": \"Circle each ankle\", "
                        + "\"instructions\": [\"Circle each ankle slowly\"], \"cautions\": [\"Stop if it hurts.\"], "
                        + "\"whySafe\": \"A small movement\", \"defaultDose\": {\"sets\": 1, \"reps\": 5, "
                        + "\"holdSeconds\": 5, \"timesPerDay\": 1, \"daysOfWeek\": [\"MONDAY\"], \"weeks\": 2}}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");
        given().auth().oauth2(theo).get("/api/exercises").then().statusCode(200).body("items.id", hasItem(id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(DatabaseRoles.auditRecords()).isGreaterThanOrEqualTo(before + 2));

        DatabaseRoles.assertTheRuntimeRoleCannotTamperWithTheTrail();
        DatabaseRoles.assertTheTriggersStopTheOwner();
        assertThat(DatabaseRoles.auditRecords()).as("nothing was removed").isGreaterThanOrEqualTo(before + 2);
    }
}
