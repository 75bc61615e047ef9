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
        return announce("PatientRegistered", patientId, username, timeZone, List.of(therapistId));
    }

    /** The patient's care team is now {@code therapistIds}, as patient-service announces a hand-over. */
    public static UUID changeCareTeam(UUID patientId, String username, String timeZone, List<UUID> therapistIds) {
        return announce("CareTeamChanged", patientId, username, timeZone, therapistIds);
    }

    private static UUID announce(String type, UUID patientId, String username, String timeZone,
            List<UUID> therapistIds) {
        return TestEvents.publish("patient-events", type, patientId, Map.of(
                "patientId", patientId.toString(),
                "therapistIds", therapistIds.stream().map(UUID::toString).toList(),
                "email", DemoUsers.email(username),
                "timeZone", timeZone,
                "quietHours", Map.of("start", "21:00", "end", "08:00"),
                "channels", Map.of("email", true, "inApp", true),
                "status", "ACTIVE"));
    }
}
