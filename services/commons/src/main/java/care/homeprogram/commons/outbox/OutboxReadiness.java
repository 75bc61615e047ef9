package care.homeprogram.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in {@code /q/health/ready} and always stays UP: a parked or pending row is work for an
 * operator (or the relay), not a reason to take this replica out of rotation. Every replica shares the table, so a
 * check that went DOWN would take all of them out at once, turning one unpublishable event into an outage.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    private final OutboxBacklog backlog;

    public OutboxReadiness(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox").up()
                .withData("pending", backlog.pending())
                .withData("parked", backlog.parked())
                .build();
    }
}
