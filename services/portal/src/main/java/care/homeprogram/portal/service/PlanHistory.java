package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a plan, in words: items added or removed, doses, pauses, status. */
public final class PlanHistory {
    private PlanHistory() {
    }

    public static List<String> changes(Plan before, Plan after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("Created with " + after.items().size() + (after.items().size() == 1 ? " item" : " items")
                    + " (" + Wording.planStatus(after.status()).toLowerCase(java.util.Locale.ROOT) + ")");
            return changes;
        }
        if (!Objects.equals(before.status(), after.status())) {
            changes.add("Status " + Wording.planStatus(before.status()) + " → " + Wording.planStatus(after.status()));
        }
        Map<UUID, Plan.Item> old = before.items().stream()
                .collect(Collectors.toMap(Plan.Item::id, Function.identity(), (a, b) -> a));
        for (Plan.Item item : after.items()) {
            Plan.Item was = old.remove(item.id());
            if (was == null) {
                changes.add("Added " + item.name() + " (" + DoseText.of(item.dose()) + ")");
                continue;
            }
            if (!Objects.equals(was.dose(), item.dose()) || was.startWeek() != item.startWeek()) {
                changes.add(item.name() + ": " + describe(was) + " → " + describe(item));
            }
            if (!Objects.equals(was.status(), item.status())) {
                changes.add(item.name() + " " + itemStatus(item));
            }
        }
        for (Plan.Item removed : old.values()) {
            changes.add("Removed " + removed.name());
        }
        if (changes.isEmpty()) {
            changes.add("No change to items or status");
        }
        return changes;
    }

    private static String describe(Plan.Item item) {
        return "week " + item.startWeek() + ", " + DoseText.of(item.dose());
    }

    private static String itemStatus(Plan.Item item) {
        return switch (item.status() == null ? "" : item.status()) {
            case "PAUSED" -> "paused" + (item.pausedReason() == null ? "" : ": " + Wording.pausedReason(
                    item.pausedReason()));
            case "ACTIVE" -> "resumed";
            case "REMOVED" -> "removed";
            default -> item.status();
        };
    }
}
