package care.homeprogram.patients.rest;

import care.homeprogram.commons.outbox.OutboxEndpoints;
import care.homeprogram.commons.outbox.ParkedEvents;
import jakarta.ws.rs.Path;

/**
 * patient-service's parked outbox events for admins, under its own API prefix (the ingress routes /api/patients
 * here). The list carries no payload, so no patient data reaches the admin.
 */
@Path("/api/patients/outbox")
public class OutboxResource extends OutboxEndpoints {
    public OutboxResource(ParkedEvents parked) {
        super(parked);
    }
}
