package care.homeprogram.local;

import java.time.Duration;
import java.time.Instant;

/** One line per step on stderr, so long starts never look hung and stdout stays clean for URLs. */
public final class Progress {
    private Progress() {
    }

    public static void say(String message) {
        System.err.println("[homeprogram] " + message);
        System.err.flush();
    }

    public static String since(Instant start) {
        Duration d = Duration.between(start, Instant.now());
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
