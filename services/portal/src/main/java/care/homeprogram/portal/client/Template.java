package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/** A reusable program: items with their start week and dose. */
public record Template(UUID id, String slug, String name, String description, String condition, boolean acute,
        List<Item> items) {

    public Template {
        items = items == null ? List.of() : items;
    }

    public record Item(UUID exerciseId, String name, int startWeek, Dose dose) {
    }
}
