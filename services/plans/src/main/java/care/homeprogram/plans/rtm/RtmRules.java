package care.homeprogram.plans.rtm;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a patient's RTM data qualifies for under a {@link CodeTable}: plain Java, no database, no clock (the caller
 * says what "today" is). It proposes; nothing is billed from it (docs/rtm.md).
 * <ul>
 * <li>Data days: periods of {@code periodDays} days from the consent date (period k starts at consent + k ×
 * periodDays); a day counts when the patient logged at least one verified session on it. A period is judged once it
 * has ended: its count of days picks the device-supply code.</li>
 * <li>Management time per calendar month: the seconds of every entry summed, then floored to minutes; the codes
 * need at least one real-time interactive communication in the month.</li>
 * </ul>
 */
public final class RtmRules {
    private final CodeTable table;

    public RtmRules(CodeTable table) {
        this.table = table;
    }

    public CodeTable table() {
        return table;
    }

    /** A code proposed for review, how many units, and why. */
    public record Proposal(String code, int units, String reason) {
    }

    /** A data-days period, both days included. */
    public record Period(LocalDate start, LocalDate end) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** A period judged: its data days, whether it has ended, and the code it qualifies for (if any) and why. */
    public record PeriodOutcome(Period period, SortedSet<LocalDate> dates, boolean complete, Optional<String> code,
            String reason) {
        public int dataDays() {
            return dates.size();
        }
    }

    /** One entry of management time. */
    public record TimeSpent(long seconds, boolean interactive) {
    }

    /** A month's management time judged. */
    public record TimeOutcome(int minutes, int interactiveMinutes, boolean interactiveCommunication,
            List<Proposal> proposed, String reason) {
    }

    /** The periods (from the consent date) that end in the month, oldest first. */
    public List<Period> periodsEndingIn(LocalDate consentDate, YearMonth month) {
        List<Period> periods = new ArrayList<>();
        LocalDate firstEnd = consentDate.plusDays(table.periodDays() - 1L);
        long fromIndex = Math.max(0, ceilDiv(ChronoUnit.DAYS.between(firstEnd, month.atDay(1)), table.periodDays()));
        for (long k = fromIndex;; k++) {
            LocalDate start = consentDate.plusDays(k * table.periodDays());
            LocalDate end = start.plusDays(table.periodDays() - 1L);
            if (end.isAfter(month.atEndOfMonth())) {
                return periods;
            }
            if (!end.isBefore(month.atDay(1))) {
                periods.add(new Period(start, end));
            }
        }
    }

    /**
     * The period judged by the days (any, e.g. every day with a session) that fall in it; {@code today} tells an
     * ended period from one still running, which proposes nothing yet.
     */
    public PeriodOutcome period(Period period, Collection<LocalDate> days, LocalDate today) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        days.stream().filter(period::contains).forEach(dates::add);
        int count = dates.size();
        String counted = count + (count == 1 ? " data day" : " data days") + " from " + period.start() + " to "
                + period.end();
        if (!today.isAfter(period.end())) {
            return new PeriodOutcome(period, dates, false, Optional.empty(),
                    counted + " so far: the period runs until " + period.end() + ", it is judged when it has ended");
        }
        for (CodeTable.DataDaysCode band : table.dataDays()) {
            if (count >= band.minDays() && count <= band.maxDays()) {
                return new PeriodOutcome(period, dates, true, Optional.of(band.code()), counted + " ("
                        + band.minDays() + "–" + band.maxDays() + " days: " + band.code() + ")");
            }
        }
        int fewest = table.dataDays().stream().mapToInt(CodeTable.DataDaysCode::minDays).min().orElseThrow();
        return new PeriodOutcome(period, dates, true, Optional.empty(), counted + ": "
                + (count < fewest ? "fewer than " + fewest + ", no device-supply code" : "no code covers this count"));
    }

    /** A calendar month's management time judged. */
    public TimeOutcome time(Collection<TimeSpent> entries) {
        CodeTable.Management rules = table.management();
        long seconds = entries.stream().mapToLong(TimeSpent::seconds).sum();
        long interactiveSeconds = entries.stream().filter(TimeSpent::interactive).mapToLong(TimeSpent::seconds).sum();
        boolean interactive = entries.stream().anyMatch(TimeSpent::interactive);
        int minutes = Math.toIntExact(seconds / 60);
        int interactiveMinutes = Math.toIntExact(interactiveSeconds / 60);
        String spent = minutes + (minutes == 1 ? " minute" : " minutes") + " of treatment management";
        if (minutes < rules.tenMinutes().minMinutes()) {
            return new TimeOutcome(minutes, interactiveMinutes, interactive, List.of(), spent + ": fewer than "
                    + rules.tenMinutes().minMinutes() + ", no management code");
        }
        if (rules.requiresInteractive() && !interactive) {
            return new TimeOutcome(minutes, interactiveMinutes, false, List.of(), spent
                    + " but no real-time interactive communication with the patient this month: no management code");
        }
        String with = interactive ? " with a real-time interactive communication" : "";
        if (minutes < rules.first().minMinutes()) {
            String reason = spent + with + " (" + rules.tenMinutes().minMinutes() + "–"
                    + rules.tenMinutes().maxMinutes() + " minutes: " + rules.tenMinutes().code() + ")";
            return new TimeOutcome(minutes, interactiveMinutes, interactive,
                    List.of(new Proposal(rules.tenMinutes().code(), 1, reason)), reason);
        }
        List<Proposal> proposed = new ArrayList<>();
        proposed.add(new Proposal(rules.first().code(), 1, "first " + rules.first().minMinutes() + " of " + spent
                + with));
        int further = (minutes - rules.first().minMinutes()) / rules.addOn().everyMinutes();
        if (further > 0) {
            proposed.add(new Proposal(rules.addOn().code(), further, "each further " + rules.addOn().everyMinutes()
                    + " minutes: " + (minutes - rules.first().minMinutes()) + " minutes after the first "
                    + rules.first().minMinutes()));
        }
        String reason = spent + with + ": " + rules.first().code() + (further > 0 ? " + " + rules.addOn().code()
                + " ×" + further : "") + "; " + rules.tenMinutes().code() + " is not proposed with "
                + rules.first().code();
        return new TimeOutcome(minutes, interactiveMinutes, interactive, List.copyOf(proposed), reason);
    }

    /** The set-up and education code, proposed in the month it was recorded. */
    public Proposal setup(LocalDate recordedOn) {
        return new Proposal(table.setup().code(), 1, "RTM set-up and patient education recorded on " + recordedOn);
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
