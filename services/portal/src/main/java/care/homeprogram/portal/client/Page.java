package care.homeprogram.portal.client;

import java.util.List;

/** Every list in the services' API: the items of one page and the total across pages. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = items == null ? List.of() : items;
    }
}
