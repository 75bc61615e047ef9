package care.homeprogram.notifications.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One way out for due rows (in-app reminders, emails, push notifications), as {@link BatchDispatcher} drives it: the
 * dispatcher claims a batch of the channel's due rows and hands it over inside the batch's transaction; the channel
 * checks each row again (quiet hours, opt-outs, a disabled account, lateness), sends what is to be sent and records
 * every row's outcome on the row, so the outcomes commit with the claim.
 *
 * @param <T> the entity of a due row
 */
public interface DispatchChannel<T> {
    /** For logs and the workers' thread names. */
    String name();

    /** Which rows are due and in which order they are claimed. */
    Claim<T> claim();

    /** Rows claimed per transaction. */
    int batchSize();

    /** How many batches one replica handles at once (each its own transaction, each its own rows). */
    int workers();

    /**
     * Handles a claimed batch in the batch's transaction: the batch's rows move out of PENDING (or to a later
     * attempt) here, or the whole batch rolls back and stays due.
     *
     * @param now the time of the claim
     */
    void handle(List<T> batch, OffsetDateTime now);

    /**
     * Due rows: those of {@code table} in state PENDING whose {@code dueColumn} has passed, claimed in
     * {@code orderBy} order; a partial index on {@code dueColumn} WHERE state = 'PENDING' serves the claim.
     */
    record Claim<T>(Class<T> entity, String table, String dueColumn, String orderBy) {
    }
}
