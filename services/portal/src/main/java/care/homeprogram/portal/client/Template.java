package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/** A reusable program: items with their start week and dose. */
public record Template(UUID id, String slug, String name, String description, String condition, boolean acute,
        List<Item> items, boolean sharedWithClinic, UUID ownerTherapistId) {

    public Template {
        items = items == null ? List.of() : items;
    }

    public record Item(UUID exerciseId, String name, int startWeek, Dose dose, List<String> targetRegions) {
    }

    /** The therapist's own template, which they may edit and delete. */
    public boolean ownedBy(UUID therapistId) {
        return ownerTherapistId != null && ownerTherapistId.equals(therapistId);
    }
}
