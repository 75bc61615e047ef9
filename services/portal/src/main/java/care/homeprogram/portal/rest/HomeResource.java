package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start: each person goes to their role's main page (therapist: patients; patient: today; admin: accounts;
 * billing: the clinic's RTM ledger). */
@Path("/")
@Authenticated
public class HomeResource {
    private final Viewer viewer;

    public HomeResource(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(viewer.startPage())).build();
    }
}
