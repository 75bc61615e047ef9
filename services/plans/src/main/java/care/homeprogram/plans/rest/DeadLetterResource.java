package care.homeprogram.plans.rest;

import care.homeprogram.commons.events.DeadLetterEndpoints;
import care.homeprogram.commons.events.DeadLetters;
import care.homeprogram.plans.events.CareTeamProjection;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** plan-service's dead-lettered patient-events, for admins to see and replay (docs/runbook.md). */
@Path("/api/plans/dead-letters")
public class DeadLetterResource extends DeadLetterEndpoints {
    public DeadLetterResource(DeadLetters deadLetters, CareTeamProjection careTeams,
            @ConfigProperty(name = "homeprogram.kafka.topic-prefix") Optional<String> topicPrefix) {
        super(deadLetters, List.of(topicPrefix.orElse("") + "patient-events"),
                Map.of(CareTeamProjection.CONSUMER, careTeams::apply));
    }
}
