package care.homeprogram.plans;

import care.homeprogram.testing.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's Clock in tests: one MovableClock, so tests move time instead of sleeping. It only moves forward
 * and is shared by every test of the JVM, so tests take "now" from it, never from the system clock.
 */
@ApplicationScoped
public class TestClockProducer {
    public static final MovableClock CLOCK = new MovableClock();

    @Produces
    @Singleton
    MovableClock clock() {
        return CLOCK;
    }
}
