package care.homeprogram.plans.service;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.safety.TrafficLight;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Adherence counted from verified sessions, never logins (docs/clinical-rules.md rule 7): per program week, the sessions done (at most
 * the prescribed number per item and day) over the sessions prescribed up to today; and progression, earned only by
 * a completed week with enough adherence and only green sessions (rule 7), suggested to the therapist, never applied.
 * Days on which an item was paused or its plan on hold are neither prescribed nor missed.
 */
public final class Adherence {
    private Adherence() {
    }

    public record ItemSchedule(UUID itemId, int startWeek, Dose dose) {
    }

    public record SessionFact(UUID itemId, LocalDate date, TrafficLight light) {
    }

    public record Week(int week, LocalDate from, LocalDate to, int prescribed, int done, double adherence,
            int sessions, boolean allGreen) {
    }

    public record Progression(boolean suggested, Integer week, String reason) {
    }

    /** Whether an item could be followed on a day (a day it was paused or its plan on hold counts as neither). */
    @FunctionalInterface
    public interface Availability {
        Availability ALWAYS = (itemId, day) -> true;

        boolean followable(UUID itemId, LocalDate day);
    }

    /** The plan as one of its versions left it: from {@code at} on, on hold or not, and which items were paused. */
    public record StateChange(Instant at, boolean planFollowable, Set<UUID> pausedItems) {
    }

    /**
     * The days on which each item could not be followed, from the plan's versions: a day on which the plan was on
     * hold (or closed), or the item paused by a safety rule, for any part of the day in the patient's zone, is not
     * prescribed and so not missed.
     */
    public static Availability fromHistory(List<StateChange> changes, ZoneId zone, Instant now) {
        List<StateChange> ordered = changes.stream().sorted(Comparator.comparing(StateChange::at)).toList();
        Set<LocalDate> planDown = new HashSet<>();
        Map<UUID, Set<LocalDate>> itemDown = new HashMap<>();
        for (int k = 0; k < ordered.size(); k++) {
            StateChange change = ordered.get(k);
            Instant end = k + 1 < ordered.size() ? ordered.get(k + 1).at() : now;
            if (!end.isAfter(change.at())) {
                continue; // replaced at the same instant: it never held
            }
            LocalDate first = change.at().atZone(zone).toLocalDate();
            LocalDate last = end.minusNanos(1).atZone(zone).toLocalDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (!change.planFollowable()) {
                    planDown.add(day);
                }
                for (UUID item : change.pausedItems()) {
                    itemDown.computeIfAbsent(item, i -> new HashSet<>()).add(day);
                }
            }
        }
        return (itemId, day) -> !planDown.contains(day)
                && !itemDown.getOrDefault(itemId, Set.of()).contains(day);
    }

    public static List<Week> weeks(LocalDate start, List<ItemSchedule> items, List<SessionFact> sessions,
            LocalDate today) {
        return weeks(start, items, sessions, today, Availability.ALWAYS);
    }

    public static List<Week> weeks(LocalDate start, List<ItemSchedule> items, List<SessionFact> sessions,
            LocalDate today, Availability availability) {
        int lastWeek = items.stream().mapToInt(i -> i.startWeek() + i.dose().weeks() - 1).max().orElse(0);
        Map<String, Integer> logged = new HashMap<>();
        for (SessionFact s : sessions) {
            logged.merge(s.itemId() + "@" + s.date(), 1, Integer::sum);
        }
        List<Week> weeks = new ArrayList<>();
        for (int week = 1; week <= lastWeek; week++) {
            LocalDate from = start.plusDays(7L * (week - 1));
            if (from.isAfter(today)) {
                break;
            }
            LocalDate to = from.plusDays(6);
            int prescribed = 0;
            int done = 0;
            for (LocalDate day = from; !day.isAfter(to) && !day.isAfter(today); day = day.plusDays(1)) {
                for (ItemSchedule item : items) {
                    if (Schedule.isDue(start, item.startWeek(), item.dose(), day)
                            && availability.followable(item.itemId(), day)) {
                        int times = item.dose().timesPerDay();
                        prescribed += times;
                        done += Math.min(times, logged.getOrDefault(item.itemId() + "@" + day, 0));
                    }
                }
            }
            List<SessionFact> inWeek = sessions.stream()
                    .filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).toList();
            boolean allGreen = !inWeek.isEmpty() && inWeek.stream().allMatch(s -> s.light() == TrafficLight.GREEN);
            weeks.add(new Week(week, from, to, prescribed, done, prescribed == 0 ? 0 : (double) done / prescribed,
                    inWeek.size(), allGreen));
        }
        return weeks;
    }

    /** Looks at the most recent completed week only: progression follows consistent, current good weeks. */
    public static Progression progression(List<Week> weeks, LocalDate today, double minAdherence,
            boolean anyItemPaused) {
        Week last = weeks.stream().filter(w -> w.to().isBefore(today)).reduce((a, b) -> b).orElse(null);
        if (last == null) {
            return new Progression(false, null, "No completed week yet");
        }
        if (anyItemPaused) {
            return new Progression(false, last.week(), "An item is paused by a safety rule");
        }
        if (last.prescribed() == 0 || last.adherence() < minAdherence) {
            return new Progression(false, last.week(), String.format("Week %d adherence %.0f%% is below %.0f%%",
                    last.week(), last.adherence() * 100, minAdherence * 100));
        }
        if (!last.allGreen()) {
            return new Progression(false, last.week(), "Week " + last.week() + " had sessions that were not green");
        }
        return new Progression(true, last.week(), String.format("Week %d: %.0f%% adherence and every session green; "
                + "consider progressing the dose", last.week(), last.adherence() * 100));
    }
}
