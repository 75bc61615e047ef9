package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.SignedInPerson;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseHeader;

/** The start page: who is signed in, and in which role. */
@Path("/")
@Authenticated
public class HomeResource {

    /** Type-safe templates: src/main/resources/templates/HomeResource/{method}.html, checked at build time. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SignedInPerson person);
    }

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    // The page shows personal data: no copy in any cache.
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public TemplateInstance home() {
        return Templates.home(SignedInPerson.of(idToken, identity));
    }
}
