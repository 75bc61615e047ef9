package care.homeprogram.notifications.rest;

import care.homeprogram.notifications.api.Preferences;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.notifications.service.PreferenceService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed-in person's notification preferences (any role) as this service applies them: time zone, quiet hours,
 * channels. Read-only: patient-service owns them (PATCH /api/patients/me, PATCH /api/therapists/me) and announces
 * them on patient-events; a PUT here answers 405 (docs/api.md).
 */
@Path("/api/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferencesResource {
    private final PreferenceService preferences;
    private final CurrentUser caller;

    public PreferencesResource(PreferenceService preferences, CurrentUser caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    public Preferences get() {
        return preferences.of(caller.id());
    }
}
