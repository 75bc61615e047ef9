package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.NewPlan;
import care.homeprogram.portal.client.ServiceProblem;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The builder's form without a browser: rows from a post, validation next to fields, the items sent. */
class PlanFormTest {
    private final Exercise tilt = exercise("Pelvic tilt", List.of());
    private final Exercise contrast = exercise("Contrast heat and cold", List.of("COLD_THERAPY", "HEAT_THERAPY"));
    private final Map<UUID, Exercise> library = Map.of(tilt.id(), tilt, contrast.id(), contrast);

    @Test
    void postedRowsBecomeItemsWithTheirDose() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of("", ""),
                List.of(tilt.id().toString(), contrast.id().toString()), List.of("1", "2"), List.of("2", ""),
                List.of("8", ""), List.of("5", ""), List.of("", "900"), List.of("2", "1"), List.of("3", "1"),
                List.of("0:MONDAY", "0:FRIDAY", "1:SUNDAY"), List.of("1"), List.of(), List.of(), List.of()),
                library).validate();

        assertThat(form.valid()).isTrue();
        List<NewPlan.Item> items = form.items();
        assertThat(items.get(0).dose()).isEqualTo(new Dose(2, 8, 5, null, 2,
                List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 3));
        assertThat(items.get(1).coldReason()).isEqualTo("ACUTE_FLARE_UP");
        assertThat(items.get(1).startWeek()).isEqualTo(2);
    }

    @Test
    void mistakesStayNextToTheirFieldAndRemovedRowsGo() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of("", ""),
                List.of(tilt.id().toString(), contrast.id().toString()), List.of("1", "1"), List.of("", ""),
                List.of("80", ""), List.of("", ""), List.of("", "900"), List.of("", "1"), List.of("2", "1"),
                List.of(), List.of(), List.of(), List.of("1"), List.of()), library).validate();

        assertThat(form.rows()).hasSize(1);
        PlanForm.Row row = form.rows().get(0);
        assertThat(row.error("reps")).isEqualTo("Must be between 1 and 50");
        assertThat(row.error("timesPerDay")).isEqualTo("Required");
        assertThat(row.error("days")).isEqualTo("Choose at least one day");
        assertThat(form.valid()).isFalse();
    }

    @Test
    void coldNeedsAFlareUpAndServiceErrorsLandOnTheirRow() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of(""), List.of(contrast.id().toString()),
                List.of("1"), List.of(""), List.of(""), List.of(""), List.of("900"), List.of("1"), List.of("1"),
                List.of("0:MONDAY"), List.of(), List.of(), List.of(), List.of(tilt.id().toString())), library)
                .validate();

        assertThat(form.rows()).hasSize(2);
        assertThat(form.rows().get(0).error("cold")).startsWith("Cold is only for an acute flare-up");
        form.reject(new ServiceProblem(400, "validation", "Invalid input",
                List.of(new ServiceProblem.FieldError("items[1].dose.reps", "must be less than or equal to 50"))));
        assertThat(form.rows().get(1).error("reps")).isEqualTo("Must be less than or equal to 50");
    }

    private static Exercise exercise(String name, List<String> flags) {
        return new Exercise(UUID.randomUUID(), name.toLowerCase().replace(' ', '-'), name, "MOVEMENT", "Summary",
                List.of("Step"), List.of("Caution"), "Safe", new Dose(1, 5, null, null, 2,
                        List.of(DayOfWeek.values()), 4), flags);
    }
}
