package care.homeprogram.plans.api;

import java.time.OffsetDateTime;

/**
 * The patient's calendar feed. {@code url} and {@code webcalUrl} hold the secret link and are present only in the
 * answer to creating (or rotating) it: only a hash is stored, so the link cannot be shown again.
 */
public record CalendarFeedView(boolean active, OffsetDateTime createdAt, OffsetDateTime lastFetchedAt, String url,
        String webcalUrl) {
    public static final CalendarFeedView NONE = new CalendarFeedView(false, null, null, null, null);
}
