package care.homeprogram.commons.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * What the audit filter cannot see from the request alone: which patient's data a request touched (for a plan, a
 * session, an account…) and, for a new object, its id. Resources and services set it; the filter reads it when the
 * response is ready. A request by a patient concerns that patient unless said otherwise.
 */
@RequestScoped
public class AuditContext {
    private UUID patientId;
    private String objectId;

    /** The request touched (or tried to touch) this patient's data: recorded even when the answer is a denial. */
    public void concernsPatient(UUID patientId) {
        this.patientId = patientId;
    }

    /** The object the request is about, when it is not the path's id (e.g. the id of an object just created). */
    public void concernsObject(Object objectId) {
        this.objectId = objectId == null ? null : objectId.toString();
    }

    UUID patientId() {
        return patientId;
    }

    String objectId() {
        return objectId;
    }
}
