package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Notification;
import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.Section;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** The in-app inbox of whoever is signed in: newest first, mark as read. */
@Path("/inbox")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Section<List<Notification>> messages, String notice);
    }

    private final NotificationsClient notifications;
    private final PageLanguage language;

    public InboxResource(NotificationsClient notifications, PageLanguage language) {
        this.notifications = notifications;
        this.language = language;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("done") String done) {
        return Templates.inbox(Section.load(() -> notifications.inbox(0, 50).items()),
                Notices.of(done, language.messages()));
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") UUID id) {
        notifications.markRead(id);
        return Pages.redirect("/inbox?done=message-read");
    }
}
