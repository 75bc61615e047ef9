package care.homeprogram.contract;

import java.util.List;

/** Every list in the API has this shape: the items of the requested page and the total across pages. */
public record Page<T>(List<T> items, long total) {
    public static final int MAX_SIZE = 100;
}
