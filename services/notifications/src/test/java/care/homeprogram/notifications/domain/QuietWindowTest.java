package care.homeprogram.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietWindowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aWindowAcrossMidnightContainsItsStartButNotItsEnd() {
        QuietWindow night = QuietWindow.DEFAULT;
        assertThat(night.contains(LocalTime.of(20, 59))).isFalse();
        assertThat(night.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(night.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.NOON)).isFalse();
    }

    @Test
    void aDaytimeWindowAndAnEmptyOne() {
        QuietWindow lunch = new QuietWindow(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.contains(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
        QuietWindow none = new QuietWindow(LocalTime.of(9, 0), LocalTime.of(9, 0));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains(LocalTime.of(9, 0))).isFalse();
    }

    @Test
    void shiftingOutMovesToTheEndOnTheRightDay() {
        QuietWindow night = QuietWindow.DEFAULT;
        ZonedDateTime late = ZonedDateTime.of(2026, 11, 23, 23, 15, 0, 0, BERLIN);
        assertThat(night.shiftOut(late)).isEqualTo(ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, BERLIN));
        ZonedDateTime early = ZonedDateTime.of(2026, 11, 24, 3, 0, 0, 0, BERLIN);
        assertThat(night.shiftOut(early)).isEqualTo(ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, BERLIN));
        ZonedDateTime day = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, BERLIN);
        assertThat(night.shiftOut(day)).isSameAs(day);
    }

    @Test
    void unreadableTimesFallBackToTheDefault() {
        assertThat(QuietWindow.of("25:00", "08:00")).isEqualTo(QuietWindow.DEFAULT);
        assertThat(QuietWindow.of(null, null)).isEqualTo(QuietWindow.DEFAULT);
        assertThat(QuietWindow.of("22:30", "07:15")).isEqualTo(new QuietWindow(LocalTime.of(22, 30),
                LocalTime.of(7, 15)));
    }
}
