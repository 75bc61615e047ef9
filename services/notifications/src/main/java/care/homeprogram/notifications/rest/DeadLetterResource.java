package care.homeprogram.notifications.rest;

import care.homeprogram.commons.events.DeadLetterEndpoints;
import care.homeprogram.commons.events.DeadLetters;
import care.homeprogram.notifications.events.PlanEventsConsumer;
import care.homeprogram.notifications.events.RecipientProjection;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** notification-service's dead-lettered plan- and patient-events, for admins to see and replay (docs/runbook.md). */
@Path("/api/notifications/dead-letters")
public class DeadLetterResource extends DeadLetterEndpoints {
    public DeadLetterResource(DeadLetters deadLetters, PlanEventsConsumer planEvents,
            RecipientProjection recipients,
            @ConfigProperty(name = "homeprogram.kafka.topic-prefix") Optional<String> topicPrefix) {
        super(deadLetters, List.of(topicPrefix.orElse("") + "plan-events", topicPrefix.orElse("") + "patient-events"),
                Map.of(PlanEventsConsumer.CONSUMER, planEvents::apply, RecipientProjection.CONSUMER, recipients::apply));
    }
}
