package care.homeprogram.notifications.api;

import care.homeprogram.notifications.domain.PushSubscription;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One of the signed-in person's push subscriptions (a browser or device they opted in on); keys are not echoed. */
public record PushSubscriptionView(UUID id, String endpoint, OffsetDateTime createdAt) {
    public static PushSubscriptionView of(PushSubscription s) {
        return new PushSubscriptionView(s.id, s.endpoint, s.createdAt);
    }
}
