package care.homeprogram.commons.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the audit filter cannot see from the request alone: which patient's data a request touched (for a plan, a
 * session, an alert, an account…) and, for a new object, its id. The service layer sets it where it loads the object
 * (before it checks who may see it, so a denial names the patient too); the filter reads it when the response is
 * ready. A request by a patient concerns that patient unless said otherwise.
 *
 * <p>
 * A request that touched several patients' data (a therapist's alert list, a list of adherence rows) names them all
 * with {@link #concernsPatients}: the trail then holds one record per patient, all with the request's correlation id,
 * so an admin's query by patient finds every request that showed that patient's data.
 */
@RequestScoped
public class AuditContext {
    private final Set<UUID> patientIds = new LinkedHashSet<>();
    private String objectId;
    private Auditor.Capability capability;

    /** The request touched (or tried to touch) this patient's data: recorded even when the answer is a denial. */
    public void concernsPatient(UUID patientId) {
        if (patientId != null) {
            patientIds.add(patientId);
        }
    }

    /** The request showed (or changed) the data of each of these patients, e.g. a list spanning several. */
    public void concernsPatients(Collection<UUID> patientIds) {
        patientIds.stream().filter(Objects::nonNull).forEach(this.patientIds::add);
    }

    /** The object the request is about, when it is not the path's id (e.g. the id of an object just created). */
    public void concernsObject(Object objectId) {
        this.objectId = objectId == null ? null : objectId.toString();
    }

    /**
     * The request was made by no signed-in person but through a secret link that acts for a patient (a calendar
     * feed's URL): an anonymous request's record names the link ({@code role}, e.g. {@code calendar-feed}, and the
     * link's id, never its secret) as the actor. A request with a signed-in caller keeps that caller as the actor.
     */
    public void actedThrough(String role, Object id) {
        this.capability = new Auditor.Capability(role, id == null ? null : id.toString());
    }

    Auditor.Capability capability() {
        return capability;
    }

    Set<UUID> patientIds() {
        return patientIds;
    }

    String objectId() {
        return objectId;
    }
}
