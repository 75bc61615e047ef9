package care.homeprogram.portal.client;

import java.time.OffsetDateTime;

/**
 * The patient's calendar feed (plan-service's CalendarFeedView). {@code url} and {@code webcalUrl}, the secret link,
 * come only in the answer to creating it: plan-service keeps only a hash.
 */
public record CalendarFeed(boolean active, OffsetDateTime createdAt, OffsetDateTime lastFetchedAt, String url,
        String webcalUrl) {
}
