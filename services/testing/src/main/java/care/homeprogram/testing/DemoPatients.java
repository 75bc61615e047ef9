package care.homeprogram.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * patient-service's announcements of the demo patients, for testing a consumer without running patient-service:
 * exactly the PatientRegistered events its demo data produces.
 */
public final class DemoPatients {
    private DemoPatients() {
    }

    public static void publishRegistrations() {
        register(DemoUsers.PAT, "pat", "Europe/Berlin", DemoUsers.TARA);
        register(DemoUsers.SAM, "sam", "America/New_York", DemoUsers.TARA);
        register(DemoUsers.POLLY, "polly", "Asia/Tokyo", DemoUsers.THEO);
    }

    public static UUID register(UUID patientId, String username, String timeZone, UUID therapistId) {
        return TestEvents.publish("patient-events", "PatientRegistered", patientId, Map.of(
                "patientId", patientId.toString(),
                "therapistIds", List.of(therapistId.toString()),
                "email", DemoUsers.email(username),
                "timeZone", timeZone,
                "quietHours", Map.of("start", "21:00", "end", "08:00"),
                "channels", Map.of("email", true, "inApp", true),
                "status", "ACTIVE"));
    }
}
