package care.homeprogram.portal.service;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person, for pages ({@code inject:viewer}) and resources: name, role, id (the token's sub). */
@Named("viewer")
@RequestScoped
public class Viewer {
    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SecurityIdentity identity;

    @Inject
    PageLanguage language;

    private SignedInPerson person;

    /** The person with their portal role; throws ForbiddenException for a person without one. */
    public SignedInPerson person() {
        if (person == null) {
            person = SignedInPerson.of(idToken, identity);
        }
        return person;
    }

    public boolean hasRole() {
        return Role.highestOf(identity.getRoles()).isPresent();
    }

    public String fullName() {
        return hasRole() ? person().fullName() : identity.getPrincipal().getName();
    }

    public String roleName() {
        return hasRole() ? person().role().realmRole() : "none";
    }

    public UUID id() {
        return UUID.fromString(idToken.getSubject());
    }

    public boolean therapist() {
        return hasRole() && person().role() == Role.THERAPIST;
    }

    public boolean patient() {
        return hasRole() && person().role() == Role.PATIENT;
    }

    /**
     * A therapist an admin designated clinical lead (realm role clinical-lead beside therapist): they correct the
     * clinic's seeded library entries and templates.
     */
    public boolean clinicalLead() {
        return therapist() && identity.hasRole("clinical-lead");
    }

    /** The clinic's billing staff: they see the clinic-wide RTM ledger and nothing else. */
    public boolean billing() {
        return hasRole() && person().role() == Role.BILLING;
    }

    public boolean admin() {
        return hasRole() && person().role() == Role.ADMIN;
    }

    /**
     * When the page was made (ISO-8601, UTC): a copy kept on the phone for offline use says "showing your program
     * as of" this time.
     */
    public String renderedAt() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** The page's language tag ({@code <html lang>}): see {@link PageLanguage}. */
    public String lang() {
        return language.language().tag();
    }

    /** Where this person starts: their role's main page. */
    public String startPage() {
        return switch (person().role()) {
            case ADMIN -> "/admin/accounts";
            case THERAPIST -> "/patients";
            case BILLING -> "/rtm/clinic-ledger";
            case PATIENT -> "/today";
        };
    }
}
