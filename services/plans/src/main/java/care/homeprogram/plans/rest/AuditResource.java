package care.homeprogram.plans.rest;

import care.homeprogram.commons.audit.AuditEndpoints;
import care.homeprogram.commons.audit.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;

/** plan-service's audit trail for admins, under its own API prefix (the ingress routes /api/plans here). */
@Path("/api/plans/audit")
public class AuditResource extends AuditEndpoints {
    public AuditResource(AuditLog log, ObjectMapper mapper) {
        super(log, mapper);
    }
}
