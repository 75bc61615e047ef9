package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.PlanForm;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The item rows of a program as tags/itemrows.html posts them, on the plan builder and on a template's edit page:
 * parallel lists, one entry a row (see {@link PlanForm#fromPost}), and the remove and add buttons.
 */
public class PostedItems {
    @RestForm List<String> itemId;
    @RestForm List<String> exerciseId;
    @RestForm List<String> startWeek;
    @RestForm List<String> sets;
    @RestForm List<String> reps;
    @RestForm List<String> hold;
    @RestForm List<String> duration;
    @RestForm List<String> timesPerDay;
    @RestForm List<String> weeks;
    @RestForm List<String> days;
    @RestForm List<String> remove;
    @RestForm List<String> add;

    /**
     * The posted rows with what only one patient's plan has: the flare-up and confirmation boxes and the notes to the
     * patient (null where the page has none).
     */
    PlanForm.Posted rows(List<String> flareUp, List<String> confirmed, List<String> note) {
        return new PlanForm.Posted(itemId, exerciseId, startWeek, sets, reps, hold, duration, timesPerDay, weeks,
                days, flareUp, confirmed, remove, add, note);
    }
}
