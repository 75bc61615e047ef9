package care.homeprogram.notifications.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A browser's push subscription as its {@code PushSubscription.toJSON()} gives it (other fields, such as
 * {@code expirationTime}, are ignored): the push service's endpoint and the browser's keys, base64url.
 */
public record PushSubscriptionRequest(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys) {
    public record Keys(@NotBlank @Size(max = 100) String p256dh, @NotBlank @Size(max = 40) String auth) {
    }
}
