package care.homeprogram.plans.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a plan may prescribe (PRODUCT.md rules 6 and 8): never bed rest; cold only with an explicit acute-flare-up
 * reason (heat is the default for spasm); an item that needs the therapist's explicit confirmation (individual
 * hydration targets, fluid or salt restriction) only once confirmed.
 */
public final class PlanContentRules {
    public static final String ACUTE_FLARE_UP = "ACUTE_FLARE_UP";
    private static final Pattern BED_REST = Pattern.compile("\\bbed[\\s-]*rest\\b|\\brest in bed\\b|\\bstay in bed\\b");

    private PlanContentRules() {
    }

    /** An item as the rules see it. */
    public record Item(String name, String prescription, boolean appliesCold, boolean needsConfirmation,
            String coldReason, boolean therapistConfirmed) {
    }

    /** @return one sentence per broken rule, naming the item; empty when the plan may be saved */
    public static List<String> violations(List<Item> items) {
        List<String> problems = new ArrayList<>();
        for (Item item : items) {
            if (prescribesBedRest(item.name() + " " + item.prescription())) {
                problems.add(item.name() + ": a plan never prescribes bed rest; light movement beats rest");
            }
            if (item.appliesCold() && !ACUTE_FLARE_UP.equals(item.coldReason())) {
                problems.add(item.name() + ": cold is only for an acute flare-up; give coldReason "
                        + ACUTE_FLARE_UP + " or use heat, the default for spasm");
            }
            if (item.needsConfirmation() && !item.therapistConfirmed()) {
                problems.add(item.name() + ": needs the therapist's explicit confirmation (therapistConfirmed: true) "
                        + "after checking for fluid or salt restriction");
            }
        }
        return problems;
    }

    public static boolean prescribesBedRest(String text) {
        return BED_REST.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
