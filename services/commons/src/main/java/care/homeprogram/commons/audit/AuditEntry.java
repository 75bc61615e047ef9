package care.homeprogram.commons.audit;

import care.homeprogram.commons.csv.Csv;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit record as admins read and export it. */
@JsonPropertyOrder({ "id", "occurredAt", "service", "actorSub", "actorRole", "clientId", "method", "resource",
        "objectId", "patientId", "action", "outcome", "status", "correlationId" })
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String service, String actorSub, String actorRole,
        String clientId, String method, String resource, String objectId, UUID patientId, String action,
        String outcome, int status, String correlationId) {

    public enum Action {
        READ, CREATE, UPDATE, DELETE;

        public static Action of(String httpMethod) {
            return switch (httpMethod) {
                case "GET", "HEAD", "OPTIONS" -> READ;
                case "POST" -> CREATE;
                case "DELETE" -> DELETE;
                default -> UPDATE;
            };
        }
    }

    public enum Outcome {
        ALLOWED, DENIED, ERROR;

        /** 401, 403 and 404 are denials (404 is also what a caller gets for an object that is not theirs). */
        public static Outcome of(int status) {
            if (status == 401 || status == 403 || status == 404) {
                return DENIED;
            }
            return status >= 500 ? ERROR : ALLOWED;
        }
    }

    static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.id, r.occurredAt, r.service, r.actorSub, r.actorRole, r.clientId, r.method,
                r.resource, r.objectId, r.patientId, r.action, r.outcome, r.status, r.correlationId);
    }

    /** The columns of the CSV export, in order. */
    static final String CSV_HEADER = "id,occurredAt,service,actorSub,actorRole,clientId,method,resource,objectId,"
            + "patientId,action,outcome,status,correlationId";

    String csv() {
        return Csv.row(id, occurredAt, service, actorSub, actorRole, clientId, method, resource, objectId, patientId,
                action, outcome, status, correlationId);
    }
}
