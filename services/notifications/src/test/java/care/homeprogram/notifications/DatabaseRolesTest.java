package care.homeprogram.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.DatabaseRoles;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * notification-service runs as its runtime database role: it reads and writes its data and records audit, while
 * its credentials cannot switch off, rewrite or delete the audit trail (issue #12, finding 2).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class DatabaseRolesTest {
    @Test
    void theServiceWorksAsItsRuntimeRoleWhichCannotTamperWithTheAuditTrail() {
        long before = DatabaseRoles.auditRecords();
        String tara = Tokens.accessToken("tara");
        // Two audited reads (preferences are written in patient-service; this service only reads them).
        given().auth().oauth2(tara).get("/api/notifications/preferences").then().statusCode(200);
        given().auth().oauth2(tara).get("/api/notifications").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(DatabaseRoles.auditRecords()).isGreaterThanOrEqualTo(before + 2));

        DatabaseRoles.assertTheRuntimeRoleCannotTamperWithTheTrail();
        DatabaseRoles.assertTheTriggersStopTheOwner();
        assertThat(DatabaseRoles.auditRecords()).as("nothing was removed").isGreaterThanOrEqualTo(before + 2);
    }
}
