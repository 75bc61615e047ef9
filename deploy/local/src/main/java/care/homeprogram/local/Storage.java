package care.homeprogram.local;

/** Whether a stack keeps its data between starts. */
public enum Storage {
    /** {@code ./homeprogram run}: data kept across restarts and crashes, crash-safe settings. */
    DURABLE,
    /** Test runs: a new, throwaway cluster each start, tuned for speed. */
    EPHEMERAL
}
