package care.homeprogram.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move instead of sleeping. It runs with real time from wherever it was last moved to, and only
 * ever moves forward, so tests sharing one application (and its scheduled jobs) never see time go back. Produce it
 * as the application's {@code Clock} bean in a test source set (services produce theirs as a default bean).
 */
public final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(offset, other);
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a MovableClock only moves forward: " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves to the given instant; an instant already passed leaves the clock where it is. */
    public void advanceTo(Instant target) {
        offset.updateAndGet(current -> {
            Duration needed = Duration.between(Instant.now(), target);
            return needed.compareTo(current) > 0 ? needed : current;
        });
    }
}
