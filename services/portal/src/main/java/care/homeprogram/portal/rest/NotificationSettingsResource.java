package care.homeprogram.portal.rest;

import care.homeprogram.portal.rest.PushOptIn.PushSettings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A therapist's notification settings: alerts about their patients as notifications on their own devices (Web Push).
 * The section and its forms are the patient's ones ({@link PushOptIn}, {@code tags/push.html}); only the words
 * differ, and a push never says more than "A patient needs your attention" (docs/notifications.md, "Push"). The
 * device registers the portal's service worker without offline copies: nothing of a therapist's pages is kept on it.
 */
@Path("/settings/notifications")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class NotificationSettingsResource {
    private static final String PAGE = "/settings/notifications";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(String notice, PushSettings push);
    }

    private final PushOptIn pushOptIn;

    public NotificationSettingsResource(PushOptIn pushOptIn) {
        this.pushOptIn = pushOptIn;
    }

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        return Templates.notifications(Notices.of(done), pushOptIn.settings(PAGE, PushOptIn.PUSH_ONLY_WORKER));
    }

    @POST
    @Path("/push")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String endpoint, @RestForm String p256dh, @RestForm String auth) {
        return pushOptIn.subscribe(PAGE, endpoint, p256dh, auth);
    }

    @POST
    @Path("/push/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@RestForm String id) {
        return pushOptIn.unsubscribe(PAGE, id);
    }
}
