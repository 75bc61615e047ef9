package care.homeprogram.portal.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Small helpers shared by the page resources. */
final class Pages {
    private Pages() {
    }

    /** A form shown again with the messages next to its fields: 400, so tests and tools see it failed. */
    static Response invalid(TemplateInstance page) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    /** A page rendered as the answer to a POST (e.g. what the safety rules decided), not cached. */
    static Response ok(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** POST-redirect-GET. */
    static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
