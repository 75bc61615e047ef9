package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.DatabaseRoles;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * patient-service runs as its runtime database role: it reads and writes its data and records audit, while its
 * credentials cannot switch off, rewrite or delete the audit trail (issue #12, finding 2).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class DatabaseRolesTest {
    @Test
    void theServiceWorksAsItsRuntimeRoleWhichCannotTamperWithTheAuditTrail() {
        long before = DatabaseRoles.auditRecords();
        String pat = Tokens.accessToken("pat");
        given().auth().oauth2(pat).contentType(ContentType.JSON).body("{\"timeZone\": \"Europe/Vienna\"}")
                .when().patch("/api/patients/me").then().statusCode(200);
        given().auth().oauth2(pat).when().get("/api/patients/me").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Vienna"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(DatabaseRoles.auditRecords()).isGreaterThanOrEqualTo(before + 2));

        // pat's time zone back as the demo data has it: other test classes of this application read it
        given().auth().oauth2(pat).contentType(ContentType.JSON).body("{\"timeZone\": \"Europe/Berlin\"}")
                .when().patch("/api/patients/me").then().statusCode(200);

        DatabaseRoles.assertTheRuntimeRoleCannotTamperWithTheTrail();
        DatabaseRoles.assertTheTriggersStopTheOwner();
        assertThat(DatabaseRoles.auditRecords()).as("nothing was removed").isGreaterThanOrEqualTo(before + 2);
    }
}
