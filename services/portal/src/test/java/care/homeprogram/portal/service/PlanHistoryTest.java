package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The plan history and the dose in English words, as the therapist reads them. In the application: the dose's words
 * are the message bundle's English ({@link DoseText}), which only the application has.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class PlanHistoryTest {
    private static final List<DayOfWeek> EVERY_DAY = List.of(DayOfWeek.values());
    private final UUID tilt = UUID.randomUUID();
    private final UUID walk = UUID.randomUUID();

    @Test
    void namesDoseChangesPausesAdditionsRemovalsAndStatus() {
        Plan v1 = plan("ACTIVE", item(tilt, "Pelvic tilt", 5, "ACTIVE", null), item(walk, "Walking", null, "ACTIVE", null));
        Plan v2 = plan("ON_HOLD", item(tilt, "Pelvic tilt", 8, "PAUSED", "Sharp pain"),
                item(UUID.randomUUID(), "Bird-dog", 5, "ACTIVE", null));

        assertThat(PlanHistory.changes(v1, v2)).containsExactly(
                "Status Active → On hold",
                "Pelvic tilt: week 1, 5 reps · 2 times a day · every day · 2 weeks → week 1, 8 reps · 2 times a day · "
                        + "every day · 2 weeks",
                "Pelvic tilt paused: Sharp pain",
                "Added Bird-dog (5 reps · 2 times a day · every day · 2 weeks)",
                "Removed Walking");
        assertThat(PlanHistory.changes(null, v1)).containsExactly("Created with 2 items (active)");
    }

    @Test
    void doseInPlainWords() {
        assertThat(DoseText.of(new Dose(2, 10, 8, null, 1, List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), 1)))
                .isEqualTo("2 sets of 10 reps, hold 8 s · once a day · Mon, Fri · 1 week");
        assertThat(DoseText.of(new Dose(null, null, null, 900, 2, EVERY_DAY, 4)))
                .isEqualTo("15 min · 2 times a day · every day · 4 weeks");
        assertThat(DoseText.timerSeconds(new Dose(1, 5, 8, null, 2, EVERY_DAY, 4))).isEqualTo(8);
    }

    private static Plan plan(String status, Plan.Item... items) {
        return new Plan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status, 1, LocalDate.now(),
                OffsetDateTime.now(), OffsetDateTime.now(), List.of(items), null, null, null, null);
    }

    private static Plan.Item item(UUID id, String name, Integer reps, String status, String pausedReason) {
        Dose dose = reps == null ? new Dose(null, null, null, 300, 2, EVERY_DAY, 2)
                : new Dose(1, reps, null, null, 2, EVERY_DAY, 2);
        return new Plan.Item(id, UUID.randomUUID(), name, status, pausedReason, 1, dose, null, false, null, null,
                null, null, null);
    }
}
