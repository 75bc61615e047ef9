package care.homeprogram.notifications.api;

import care.homeprogram.contract.QuietHours;

/**
 * A person's notification preferences as projected from patient-service (docs/api-contract.md): their IANA time
 * zone, their quiet hours in local time (start equal to end means none) and the channels they want. Read-only here.
 */
public record Preferences(String timeZone, QuietHours quietHours, Channels channels) {

    public record Channels(Boolean email, Boolean inApp) {
    }
}
