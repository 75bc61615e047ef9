package care.homeprogram.commons.events;

import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The admins' way to see and re-drive the messages a service's consumers dead-lettered (docs/runbook.md). Each
 * service exposes it under its own API prefix with a subclass naming the topics it consumes and its consumers, e.g.
 * {@code @Path("/api/plans/dead-letters")}. Both requests are audited like every other (the admin's identity, the
 * time, the outcome); a replay is idempotent and may be repeated.
 */
public abstract class DeadLetterEndpoints {
    private static final Logger LOG = Logger.getLogger(DeadLetterEndpoints.class);

    private final DeadLetters deadLetters;
    private final List<String> topics;
    private final Map<String, Consumer<ConsumerRecord<String, String>>> consumers;

    /**
     * @param topics    the topics the service consumes, with the run's prefix
     * @param consumers the names its consumers dead-letter under, each with the method its channel calls (a replay
     *                  hands the message to it: the service may not write the topics it consumes)
     */
    protected DeadLetterEndpoints(DeadLetters deadLetters, List<String> topics,
            Map<String, Consumer<ConsumerRecord<String, String>>> consumers) {
        this.deadLetters = deadLetters;
        this.topics = topics;
        this.consumers = consumers;
    }

    /** The messages waiting for a replay, oldest first: coordinates, reason, event id and type, never the payload. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Page<DeadLetters.DeadLetter> waiting() {
        List<DeadLetters.DeadLetter> waiting = deadLetters.waiting(topics, consumers.keySet());
        return new Page<>(waiting, waiting.size());
    }

    /** Hands every waiting message to its consumer again, after the fix that lets it be processed. */
    @POST
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Page<DeadLetters.DeadLetter> replay() {
        List<DeadLetters.DeadLetter> replayed = deadLetters.replay(topics, consumers);
        LOG.infof("replayed %d dead-lettered message(s) of %s", replayed.size(), consumers.keySet());
        return new Page<>(replayed, replayed.size());
    }
}
