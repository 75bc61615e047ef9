package care.homeprogram.portal.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Pages show personal or clinical data: no copy of any of them in any cache (static files are not affected). */
public class NoStore {

    @ServerResponseFilter
    public void noStore(jakarta.ws.rs.container.ContainerRequestContext request, ContainerResponseContext response) {
        // An exercise picture or video keeps plan-service's "private, immutable" caching (MediaResource): it is the
        // library's, not the person's, and a video fetched again for every range would cost far more.
        if (request.getUriInfo().getPath().startsWith("/media/")
                && response.getHeaders().containsKey("Cache-Control")) {
            return;
        }
        // The app's manifest and service worker are the same for everyone and say "no-cache" themselves.
        String path = request.getUriInfo().getPath();
        if (path.equals("/sw.js") || path.equals("/manifest.webmanifest")) {
            return;
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
