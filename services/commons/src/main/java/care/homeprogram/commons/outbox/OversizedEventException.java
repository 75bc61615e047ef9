package care.homeprogram.commons.outbox;

/**
 * An event too big for the outbox ({@code homeprogram.outbox.max-payload-bytes}): it could never be published, so it
 * is never written, and the change it reports is rolled back with it.
 * <p>
 * This is a programming error, answered with a 500 and an incident id (ProblemMappers' catch-all), not a 4xx:
 * everything a caller can put into an event is bounded where it enters (request validation answers a too-long list
 * with a 400 naming the field), so an event this big means a bound is missing in our code, which the caller cannot fix.
 */
public class OversizedEventException extends IllegalStateException {
    public OversizedEventException(String topic, String type, int bytes, int maxBytes) {
        super("event " + type + " for " + topic + " is " + bytes + " bytes, above the outbox's limit of " + maxBytes
                + " bytes (homeprogram.outbox.max-payload-bytes): bound the request field that makes it this big");
    }
}
