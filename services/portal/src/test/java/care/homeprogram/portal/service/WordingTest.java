package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.client.Session;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void escalationStepsInPlainWords() {
        assertThat(Wording.escalation("CARE_TEAM", "1 Dec 2026, 14:15", Duration.ofMinutes(15)))
                .isEqualTo("Care team re-notified at 1 Dec 2026, 14:15 (not acknowledged within 15 minutes)");
        assertThat(Wording.escalation("ESCALATION_CONTACT", "1 Dec 2026, 14:30", Duration.ofSeconds(30 * 60 + 42)))
                .isEqualTo("Escalation contact told at 1 Dec 2026, 14:30 (not acknowledged within 30 minutes)");
        assertThat(Wording.escalation("HIGH_REMINDER", "2 Dec 2026, 09:00", Duration.ofHours(24)))
                .isEqualTo("Reminder sent to the care team at 2 Dec 2026, 09:00 (not acknowledged within 24 hours)");
        assertThat(Wording.escalation("SOMETHING_NEW", "2 Dec 2026, 09:00", null))
                .isEqualTo("Escalated (something new) at 2 Dec 2026, 09:00");
        assertThat(Wording.duration(Duration.ofMinutes(125))).isEqualTo("2 hours 5 minutes");
        assertThat(Wording.duration(Duration.ofMinutes(61))).isEqualTo("1 hour 1 minute");
    }

    @Test
    void aWithdrawnSessionReadsAsWithdrawnWhateverTheRulesDecided() {
        assertThat(Wording.decision(session("ITEM_PAUSED", "WITHDRAWN"))).isEqualTo("Withdrawn by the patient");
        assertThat(Wording.decision(session("ITEM_PAUSED", "CORRECTED"))).isEqualTo("This exercise is paused");
        assertThat(Wording.decision(session("CONTINUE", null))).isEqualTo("Continue");
    }

    private static Session session(String decision, String status) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), OffsetDateTime.now(), 1, 5, 2, 7,
                List.of(), null, decision, "RED", List.of(), status, null);
    }
}
