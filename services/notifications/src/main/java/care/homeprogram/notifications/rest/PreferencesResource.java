package care.homeprogram.notifications.rest;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.notifications.service.PreferenceService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person's own notification preferences (any role): time zone, quiet hours, channels. */
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

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences put(@NotNull @Valid Preferences update) {
        return preferences.update(caller.id(), caller.role(), update);
    }
}
