package care.homeprogram.plans.safety;

import care.homeprogram.plans.domain.Exercise;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plan or a therapist's own exercise may prescribe (docs/clinical-rules.md, rules 6 and 8), from the clinic's
 * home-care guide and the guidelines it agrees with:
 * <ul>
 * <li>never full bed rest, in any wording of the configured list;</li>
 * <li>cold only with the acute-flare-up reason, for every TEMPERATURE item that applies cold (heat is the default
 * for spasm), decided by the item's category and temperature, not by a flag the item declares about itself;</li>
 * <li>static holds in an acute plan capped;</li>
 * <li>self-myofascial release never on the low back;</li>
 * <li>"pain is progress" and its variants never said;</li>
 * <li>an item that needs the therapist's explicit confirmation only once confirmed.</li>
 * </ul>
 * Plain Java: the settings come from configuration ({@code homeprogram.safety.content.*}), the facts from the caller.
 */
public final class PlanContentRules {
    public static final String ACUTE_FLARE_UP = "ACUTE_FLARE_UP";

    /** Rule codes, one per rule: clients and tests tell violations apart by these, not by wording. */
    public enum Rule {
        BED_REST, COLD_WITHOUT_ACUTE_FLARE_UP, STATIC_HOLD_IN_ACUTE_PLAN, RELEASE_ON_FORBIDDEN_REGION,
        PAIN_IS_PROGRESS, NEEDS_CONFIRMATION, TEMPERATURE_MISSING, REGIONS_MISSING
    }

    /** One broken rule: which, on which request field, and a sentence a therapist can act on. */
    public record Violation(Rule rule, String field, String message) {
    }

    /**
     * @param acuteMaxHoldSeconds longest static hold in an acute plan
     * @param staticHoldCategories categories whose hold is a held position
     * @param bedRestPhrases wordings of full bed rest
     * @param bannedPhrases sayings never said ("pain is progress")
     * @param releaseForbiddenRegions where self-myofascial release never goes
     */
    public record Settings(int acuteMaxHoldSeconds, Set<Exercise.Category> staticHoldCategories,
            List<String> bedRestPhrases, List<String> bannedPhrases, Set<Exercise.BodyRegion> releaseForbiddenRegions) {

        public Settings {
            if (acuteMaxHoldSeconds < 1) {
                throw new IllegalArgumentException("acute-max-hold-seconds must be at least 1");
            }
            staticHoldCategories = Set.copyOf(staticHoldCategories);
            bedRestPhrases = bedRestPhrases.stream().map(PlanContentRules::normalise).filter(p -> !p.isBlank())
                    .toList();
            bannedPhrases = bannedPhrases.stream().map(PlanContentRules::normalise).filter(p -> !p.isBlank()).toList();
            releaseForbiddenRegions = Set.copyOf(releaseForbiddenRegions);
        }
    }

    /**
     * A plan item (or template item) as the rules see it.
     *
     * @param field where it sits in the request, e.g. {@code items[2]}, for the problem's errors
     * @param prescription what the item tells the patient to do (exercise name, summary and instructions)
     * @param temperature the exercise's heat/cold; null for a TEMPERATURE entry saved before it was required
     * @param regions where the item is applied: the item's target regions, else the exercise's
     * @param neverOnLowBack the exercise carries NEVER_ON_LOW_BACK
     * @param holdSeconds the dose's hold, null when none
     */
    public record Item(String field, String name, String prescription, Exercise.Category category,
            Exercise.Temperature temperature, Set<Exercise.BodyRegion> regions, boolean neverOnLowBack,
            Integer holdSeconds, boolean needsConfirmation, String coldReason, boolean therapistConfirmed) {
    }

    /**
     * A therapist's own exercise as the rules see it.
     *
     * @param prescription name, summary and instructions: what the patient is told to do
     * @param allText everything the patient reads, cautions and why-it-is-safe included
     */
    public record Entry(String name, Exercise.Category category, Exercise.Temperature temperature,
            Set<Exercise.BodyRegion> regions, boolean neverOnLowBack, String prescription, String allText) {
    }

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Settings settings;

    public PlanContentRules(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** @return the broken rules of a plan's items; empty when the plan may be saved */
    public List<Violation> planViolations(boolean acute, List<Item> items) {
        List<Violation> problems = new ArrayList<>();
        for (Item item : items) {
            if (prescribesBedRest(item.name() + " " + item.prescription())) {
                problems.add(new Violation(Rule.BED_REST, item.field(),
                        item.name() + ": a plan never prescribes bed rest; light movement beats rest"));
            }
            if (appliesCold(item.category(), item.temperature()) && !ACUTE_FLARE_UP.equals(item.coldReason())) {
                problems.add(new Violation(Rule.COLD_WITHOUT_ACUTE_FLARE_UP, item.field() + ".coldReason",
                        item.name() + ": cold is only for an acute flare-up; give coldReason " + ACUTE_FLARE_UP
                                + " or use heat, the default for spasm"));
            }
            if (acute && item.holdSeconds() != null && settings.staticHoldCategories().contains(item.category())
                    && item.holdSeconds() > settings.acuteMaxHoldSeconds()) {
                problems.add(new Violation(Rule.STATIC_HOLD_IN_ACUTE_PLAN, item.field() + ".dose.holdSeconds",
                        item.name() + ": a hold of " + item.holdSeconds() + " s is too long for the acute phase; "
                                + "hold at most " + settings.acuteMaxHoldSeconds() + " s (avoid static holds)"));
            }
            Set<Exercise.BodyRegion> forbidden = forbiddenRegions(item.category(), item.neverOnLowBack());
            if (item.category() == Exercise.Category.MYOFASCIAL_RELEASE && item.regions().isEmpty()) {
                // An own entry saved before regions were required: where it goes must be said before it is given.
                problems.add(new Violation(Rule.REGIONS_MISSING, item.field() + ".targetRegions",
                        item.name() + ": name the regions this self-release is used on (targetRegions)"));
            }
            List<Exercise.BodyRegion> hit = item.regions().stream().filter(forbidden::contains).sorted().toList();
            if (!hit.isEmpty()) {
                problems.add(new Violation(Rule.RELEASE_ON_FORBIDDEN_REGION, item.field() + ".targetRegions",
                        item.name() + ": never applied on " + words(hit)
                                + "; choose the glutes, hips or upper back instead"));
            }
            if (item.needsConfirmation() && !item.therapistConfirmed()) {
                problems.add(new Violation(Rule.NEEDS_CONFIRMATION, item.field() + ".therapistConfirmed",
                        item.name() + ": needs the therapist's explicit confirmation (therapistConfirmed: true) "
                                + "after checking for fluid or salt restriction"));
            }
        }
        return problems;
    }

    /** @return the broken rules of a therapist's own exercise; empty when it may be saved */
    public List<Violation> exerciseViolations(Entry entry) {
        List<Violation> problems = new ArrayList<>();
        if (prescribesBedRest(entry.prescription())) {
            problems.add(new Violation(Rule.BED_REST, "instructions",
                    "a home program never prescribes bed rest; light movement beats rest"));
        }
        if (saysPainIsProgress(entry.allText())) {
            problems.add(new Violation(Rule.PAIN_IS_PROGRESS, "instructions",
                    "pain is a signal to stop or ease off, never a sign of progress; remove that wording"));
        }
        if (entry.category() == Exercise.Category.TEMPERATURE && entry.temperature() == null) {
            problems.add(new Violation(Rule.TEMPERATURE_MISSING, "temperature",
                    "a TEMPERATURE exercise says whether it applies HEAT, COLD or HEAT_AND_COLD"));
        }
        Set<Exercise.BodyRegion> forbidden = forbiddenRegions(entry.category(), entry.neverOnLowBack());
        if (entry.category() == Exercise.Category.MYOFASCIAL_RELEASE && entry.regions().isEmpty()) {
            problems.add(new Violation(Rule.REGIONS_MISSING, "bodyRegions",
                    "a self-release exercise names the body regions it is used on"));
        }
        List<Exercise.BodyRegion> hit = entry.regions().stream().filter(forbidden::contains).sorted().toList();
        if (!hit.isEmpty()) {
            problems.add(new Violation(Rule.RELEASE_ON_FORBIDDEN_REGION, "bodyRegions",
                    entry.name() + ": never applied on " + words(hit)));
        }
        return problems;
    }

    /** Cold is decided by what the exercise is (a TEMPERATURE item applying cold), never by a self-declared flag. */
    public static boolean appliesCold(Exercise.Category category, Exercise.Temperature temperature) {
        if (temperature != null) {
            // Whatever it is filed under, an entry that says it applies cold is cold.
            return temperature.appliesCold();
        }
        // A TEMPERATURE entry without a temperature (saved before it was required) may be cold: it must be justified.
        return category == Exercise.Category.TEMPERATURE;
    }

    public boolean prescribesBedRest(String text) {
        return containsAny(text, settings.bedRestPhrases());
    }

    public boolean saysPainIsProgress(String text) {
        return containsAny(text, settings.bannedPhrases());
    }

    /** The first configured banned saying found in the text, normalised; null when none. */
    public String bannedPhraseIn(String text) {
        String normal = " " + normalise(text) + " ";
        return settings.bannedPhrases().stream().filter(p -> normal.contains(" " + p + " ")).findFirst().orElse(null);
    }

    private Set<Exercise.BodyRegion> forbiddenRegions(Exercise.Category category, boolean neverOnLowBack) {
        Set<Exercise.BodyRegion> forbidden = EnumSet.noneOf(Exercise.BodyRegion.class);
        if (category == Exercise.Category.MYOFASCIAL_RELEASE) {
            forbidden.addAll(settings.releaseForbiddenRegions());
        }
        if (neverOnLowBack) {
            // The library's own word for an entry: it holds whatever category a therapist's copy is filed under.
            forbidden.add(Exercise.BodyRegion.LOW_BACK);
        }
        return forbidden;
    }

    private static boolean containsAny(String text, List<String> phrases) {
        String normal = " " + normalise(text) + " ";
        return phrases.stream().anyMatch(p -> normal.contains(" " + p + " "));
    }

    /**
     * Lower case, apostrophes dropped ("don't" → "dont"), every run of punctuation and whitespace one space, so that
     * "Bed-rest!", "BED  REST" and "bed rest" read the same and a phrase only matches whole words.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = APOSTROPHES.matcher(folded).replaceAll("");
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    private static String words(List<Exercise.BodyRegion> regions) {
        return String.join(", ", regions.stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .toList());
    }
}
