package care.homeprogram.notifications.rest;

import care.homeprogram.commons.audit.AuditEndpoints;
import care.homeprogram.commons.audit.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;

/** notification-service's audit trail for admins, under its own API prefix (the ingress routes /api/notifications here). */
@Path("/api/notifications/audit")
public class AuditResource extends AuditEndpoints {
    public AuditResource(AuditLog log, ObjectMapper mapper) {
        super(log, mapper);
    }
}
