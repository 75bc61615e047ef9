package care.homeprogram.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 4: an admin's care-team change is told to the patient and to the therapists of the team as it was
 * (a pending one asks them to confirm), in words without names or clinical details.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class CareTeamAdminChangeNoticeTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void aPendingAdminChangeAsksTheCareTeamAndTellsThePatient() {
        UUID patient = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("patientId", patient);
        data.put("requestId", request);
        data.put("existingTherapistIds", List.of(therapist));
        data.put("status", "PENDING");
        Events.publish("patient-events", "CareTeamAdminChange", patient, Events.now(), data);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Db.notifications(therapist, "CARE_TEAM_CONFIRMATION_NEEDED")).singleElement()
                    .satisfies(n -> assertThat(n.subjectId).isEqualTo(request));
            assertThat(Db.notifications(patient, "CARE_TEAM_CHANGE_FOR_PATIENT")).hasSize(1);
        });
    }
}
