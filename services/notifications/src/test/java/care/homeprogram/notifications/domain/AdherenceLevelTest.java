package care.homeprogram.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdherenceLevelTest {
    private static final AdherenceLevel.Thresholds DEFAULTS = AdherenceLevel.Thresholds.DEFAULT;

    @Test
    void threeFourteenAndTwentyOneDaysWithoutASession() {
        assertThat(AdherenceLevel.after(Duration.ofDays(3).minusMinutes(1), DEFAULTS))
                .isEqualTo(AdherenceLevel.ON_TRACK);
        assertThat(AdherenceLevel.after(Duration.ofDays(3), DEFAULTS)).isEqualTo(AdherenceLevel.INACTIVE);
        assertThat(AdherenceLevel.after(Duration.ofDays(13), DEFAULTS)).isEqualTo(AdherenceLevel.INACTIVE);
        assertThat(AdherenceLevel.after(Duration.ofDays(14), DEFAULTS)).isEqualTo(AdherenceLevel.STALLED);
        assertThat(AdherenceLevel.after(Duration.ofDays(21), DEFAULTS)).isEqualTo(AdherenceLevel.DROPPED);
        assertThat(AdherenceLevel.after(Duration.ofDays(400), DEFAULTS)).isEqualTo(AdherenceLevel.DROPPED);
    }

    @Test
    void thresholdsAreConfigurableButMustGrow() {
        AdherenceLevel.Thresholds quick = new AdherenceLevel.Thresholds(Duration.ofHours(49), Duration.ofDays(7),
                Duration.ofDays(10));
        assertThat(AdherenceLevel.after(Duration.ofHours(50), quick)).isEqualTo(AdherenceLevel.INACTIVE);
        assertThat(AdherenceLevel.after(Duration.ofDays(10), quick)).isEqualTo(AdherenceLevel.DROPPED);
        assertThatThrownBy(() -> new AdherenceLevel.Thresholds(Duration.ofDays(14), Duration.ofDays(3),
                Duration.ofDays(21))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachLevelHasTheReasonCodeOfTheEventContract() {
        assertThat(AdherenceLevel.INACTIVE.reasonCode()).isEqualTo("NON_ADHERENCE_3_DAYS");
        assertThat(AdherenceLevel.STALLED.reasonCode()).isEqualTo("NON_ADHERENCE_14_DAYS");
        assertThat(AdherenceLevel.DROPPED.reasonCode()).isEqualTo("DROPPED_21_DAYS");
    }
}
