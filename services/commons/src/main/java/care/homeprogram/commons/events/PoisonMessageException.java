package care.homeprogram.commons.events;

/** A message that can never be processed, whatever the retries: it belongs on the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason) {
        super(reason);
    }
}
