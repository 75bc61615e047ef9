package care.homeprogram.plans.safety;

import static care.homeprogram.plans.safety.EscalationStep.CARE_TEAM;
import static care.homeprogram.plans.safety.EscalationStep.ESCALATION_CONTACT;
import static care.homeprogram.plans.safety.EscalationStep.HIGH_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The escalation ladders at their boundaries, with the documented defaults (docs/clinical-rules.md). */
class EscalationPolicyTest {
    private static final EscalationPolicy DEFAULTS = new EscalationPolicy(Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(24));
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void criticalGoesToTheCareTeamAtFifteenMinutesNotASecondBefore() {
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ZERO, 0)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(15).minus(SECOND), 0)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(15), 0)).containsExactly(CARE_TEAM);
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(30).minus(SECOND), 0))
                .containsExactly(CARE_TEAM);
    }

    @Test
    void criticalGoesToTheEscalationContactAtThirtyMinutesOnceTheCareTeamWasTold() {
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(30).minus(SECOND), 1)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(30), 1))
                .containsExactly(ESCALATION_CONTACT);
    }

    @Test
    void aStepAlreadyTakenIsNeverDueAgain() {
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(20), 1)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofDays(3), 2)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.HIGH, Duration.ofDays(3), 1)).isEmpty();
    }

    @Test
    void aJobThatCouldNotRunTakesEveryStepDueInOrder() {
        assertThat(DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ofMinutes(40), 0))
                .containsExactly(CARE_TEAM, ESCALATION_CONTACT);
    }

    @Test
    void highIsRemindedAtTwentyFourHoursNotASecondBeforeAndNeverGoesToTheContact() {
        assertThat(DEFAULTS.dueSteps(Severity.HIGH, Duration.ofMinutes(30), 0)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.HIGH, Duration.ofHours(24).minus(SECOND), 0)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.HIGH, Duration.ofHours(24), 0)).containsExactly(HIGH_REMINDER);
        assertThat(DEFAULTS.dueSteps(Severity.HIGH, Duration.ofDays(30), 0)).containsExactly(HIGH_REMINDER);
    }

    @Test
    void lowNeverEscalates() {
        assertThat(DEFAULTS.ladder(Severity.LOW)).isEmpty();
        assertThat(DEFAULTS.dueSteps(Severity.LOW, Duration.ofDays(365), 0)).isEmpty();
    }

    @Test
    void thresholdsAreTheClinicsToChoose() {
        EscalationPolicy stricter = new EscalationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofHours(4));
        assertThat(stricter.dueSteps(Severity.CRITICAL, Duration.ofMinutes(5), 0)).containsExactly(CARE_TEAM);
        assertThat(stricter.dueSteps(Severity.CRITICAL, Duration.ofMinutes(10), 1)).containsExactly(ESCALATION_CONTACT);
        assertThat(stricter.dueSteps(Severity.HIGH, Duration.ofHours(4), 0)).containsExactly(HIGH_REMINDER);
    }

    @Test
    void thresholdsThatCouldDelayOrSkipAStepAreRefused() {
        assertThatThrownBy(() -> new EscalationPolicy(Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofHours(24))).hasMessageContaining("critical-contact-after");
        assertThatThrownBy(() -> new EscalationPolicy(Duration.ZERO, Duration.ofMinutes(30), Duration.ofHours(24)))
                .hasMessageContaining("critical-care-team-after");
        assertThatThrownBy(() -> new EscalationPolicy(Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(-1))).hasMessageContaining("high-reminder-after");
        assertThatThrownBy(() -> DEFAULTS.dueSteps(Severity.CRITICAL, Duration.ZERO, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
