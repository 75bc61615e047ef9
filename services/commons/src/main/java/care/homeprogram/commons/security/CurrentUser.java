package care.homeprogram.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person. Their Keycloak {@code sub} is their id in every service: a patient's record id, a
 * therapist's record id and a notification recipient id are the same UUID.
 */
@RequestScoped
public class CurrentUser {
    public static final String PATIENT = "patient";
    public static final String THERAPIST = "therapist";
    public static final String ADMIN = "admin";
    /**
     * Held beside {@link #THERAPIST} by the therapists an admin designates: they may correct the clinic's seeded
     * library entries and templates. Never a role of its own: without the therapist role it grants nothing.
     */
    public static final String CLINICAL_LEAD = "clinical-lead";
    /**
     * The clinic's billing staff (HIPAA "payment"): they read the clinic-wide RTM ledger (docs/rtm.md) and nothing
     * else; never beside another platform role.
     */
    public static final String BILLING = "billing";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public UUID id() {
        return UUID.fromString(token.getSubject());
    }

    public String username() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getSubject();
    }

    public String role() {
        if (isAdmin()) {
            return ADMIN;
        }
        if (isTherapist()) {
            return THERAPIST;
        }
        if (isBilling()) {
            return BILLING;
        }
        return isPatient() ? PATIENT : "none";
    }

    public String clientId() {
        String azp = token.getClaim("azp");
        return azp != null ? azp : "unknown";
    }

    public boolean isPatient() {
        return identity.hasRole(PATIENT);
    }

    public boolean isTherapist() {
        return identity.hasRole(THERAPIST);
    }

    /** A therapist designated as clinical lead (the role alone, on a non-therapist, counts for nothing). */
    public boolean isClinicalLead() {
        return isTherapist() && identity.hasRole(CLINICAL_LEAD);
    }

    public boolean isBilling() {
        return identity.hasRole(BILLING);
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }
}
