package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Problem;
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

    /**
     * The form checks only that numbers parse: a dose out of range, a missing number or day, cold without a flare-up
     * are plan-service's to refuse (its rules, its words), not a second copy of them here.
     */
    @Test
    void onlyNumbersThatDoNotParseAreTheFormsOwnMistakesAndRemovedRowsGo() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of("", "", ""),
                List.of(tilt.id().toString(), contrast.id().toString(), tilt.id().toString()), List.of("1", "1", "1"),
                List.of("", "", "two"), List.of("80", "", "8"), List.of("", "", ""), List.of("", "900", ""),
                List.of("", "1", "1"), List.of("2", "1", "99999999999"), List.of(), List.of(), List.of(),
                List.of("1"), List.of()), library).validate();

        assertThat(form.rows()).hasSize(2);
        PlanForm.Row outOfRange = form.rows().get(0);
        assertThat(outOfRange.hasErrors()).as("reps 80, no times a day, no day: plan-service's to say").isFalse();
        PlanForm.Row unparsable = form.rows().get(1);
        assertThat(unparsable.error("sets")).isEqualTo("Must be a whole number");
        assertThat(unparsable.error("weeks")).isEqualTo("Must be a whole number");
        assertThat(form.valid()).isFalse();
    }

    @Test
    void coldWithoutAFlareUpIsLeftToPlanServiceWhoseErrorsLandOnTheirRowAndField() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of(""), List.of(contrast.id().toString()),
                List.of("1"), List.of(""), List.of(""), List.of(""), List.of("900"), List.of("1"), List.of("1"),
                List.of("0:MONDAY"), List.of(), List.of(), List.of(), List.of(tilt.id().toString())), library)
                .validate();

        assertThat(form.rows()).hasSize(2);
        assertThat(form.valid()).as("cold without a flare-up is plan-service's rule").isTrue();
        form.reject(new ServiceProblem(400, "plan-content", "Plan content",
                List.of(new Problem.FieldError("items[0].coldReason",
                                "Contrast heat and cold: cold is only for an acute flare-up"),
                        new Problem.FieldError("items[1]", "Pelvic tilt: a plan never prescribes bed rest"),
                        new Problem.FieldError("items[1].targetRegions", "never applied on low back"),
                        new Problem.FieldError("items[1].dose.reps", "must be less than or equal to 50"))));
        assertThat(form.rows().get(0).error("cold"))
                .isEqualTo("Contrast heat and cold: cold is only for an acute flare-up");
        assertThat(form.rows().get(1).error("reps")).isEqualTo("Must be less than or equal to 50");
        assertThat(form.rows().get(1).error(PlanForm.ITEM))
                .isEqualTo("Pelvic tilt: a plan never prescribes bed rest Never applied on low back");
        assertThat(form.error("items")).isNull();
    }

    /** A note to the patient travels with its row (blank: none) and plan-service's refusal of it lands next to it. */
    @Test
    void aNoteToThePatientIsSentWithItsItemAndItsRefusalShownNextToIt() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of("", ""),
                List.of(tilt.id().toString(), tilt.id().toString()), List.of("1", "1"), List.of("2", "2"),
                List.of("8", "8"), List.of("", ""), List.of("", ""), List.of("1", "1"), List.of("2", "2"),
                List.of("0:MONDAY", "1:MONDAY"), List.of(), List.of(), List.of(), List.of(),
                List.of("  Keep your back flat  ", " ")), library).validate();

        assertThat(form.items()).extracting(NewPlan.Item::noteToPatient).containsExactly("Keep your back flat", null);
        form.reject(new ServiceProblem(400, "validation", "Invalid",
                List.of(new Problem.FieldError("items[0].noteToPatient", "size must be between 0 and 500"))));
        assertThat(form.rows().get(0).error("note")).isEqualTo("Size must be between 0 and 500");
    }

    @Test
    void aRefusalNamingNoRowIsShownAboveTheForm() {
        PlanForm form = PlanForm.fromPost(new PlanForm.Posted(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                library).validate();

        assertThat(form.valid()).as("an empty plan is plan-service's to refuse").isTrue();
        form.reject(new ServiceProblem(400, "validation", "items: size must be between 1 and 12",
                List.of(new Problem.FieldError("items", "size must be between 1 and 12"))));
        assertThat(form.error("items")).isEqualTo("items: size must be between 1 and 12");
    }

    private static Exercise exercise(String name, List<String> flags) {
        return new Exercise(UUID.randomUUID(), name.toLowerCase().replace(' ', '-'), name, "MOVEMENT", "Summary",
                List.of("Step"), List.of("Caution"), "Safe", new Dose(1, 5, null, null, 2,
                        List.of(DayOfWeek.values()), 4), flags, null, null, false, null, 1);
    }
}
