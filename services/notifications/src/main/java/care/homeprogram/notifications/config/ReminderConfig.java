package care.homeprogram.notifications.config;

import care.homeprogram.notifications.domain.ReminderSchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;

/** When reminders go out (docs/notifications.md); the defaults run locally without edits. */
@ConfigMapping(prefix = "homeprogram.reminders")
public interface ReminderConfig {
    /** Local time of the first reminder of a day. */
    @WithDefault("09:00")
    String firstAt();

    /** Local time of the last reminder of a day, when an item is due more than once a day. */
    @WithDefault("18:00")
    String lastAt();

    /** The catch-up nudge comes this long after the day's first reminder if nothing was logged; 0 disables it. */
    @WithDefault("PT4H")
    Duration catchUpAfter();

    @WithDefault("6")
    int maxTimesPerDay();

    /** How many days after today are materialised ahead (today is always). */
    @WithDefault("2")
    int horizonDays();

    /** A reminder whose time passed more than this long ago (an outage) is not sent any more: it expires. */
    @WithDefault("PT3H")
    Duration staleAfter();

    /** Reminders claimed per transaction by a dispatcher. */
    @WithDefault("100")
    int batchSize();

    /**
     * Batches of due reminders one replica dispatches at once, each in its own transaction on its own rows: the
     * time of a batch is mostly waiting for the database, so two overlap well (docs/notifications.md, "Dispatch").
     */
    @WithDefault("2")
    int workers();

    /** How often each replica looks for due reminders (every replica dispatches; rows are claimed). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How often the singleton job rolls the horizon forward; "off" disables it (tests call it themselves). */
    @WithDefault("10m")
    String materialiseEvery();

    @WithDefault("10s")
    String materialiseDelay();

    default ReminderSchedule schedule() {
        return new ReminderSchedule(LocalTime.parse(firstAt()), LocalTime.parse(lastAt()), catchUpAfter(),
                maxTimesPerDay());
    }
}
