package care.homeprogram.plans.rest;

import care.homeprogram.commons.outbox.OutboxEndpoints;
import care.homeprogram.commons.outbox.ParkedEvents;
import jakarta.ws.rs.Path;

/** plan-service's parked outbox events for admins, under its own API prefix (the ingress routes /api/plans here). */
@Path("/api/plans/outbox")
public class OutboxResource extends OutboxEndpoints {
    public OutboxResource(ParkedEvents parked) {
        super(parked);
    }
}
