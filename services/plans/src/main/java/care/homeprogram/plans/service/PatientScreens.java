package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Language;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.PlanView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The patient's screen ({@code GET /api/plans/mine}, the hot read) kept in memory as the JSON it answered, per patient
 * and language, and served again while it is current: one indexed read of the patient's stamp
 * ({@code patient_screen_stamp}, V20), no entity, no transaction. The database gives the patient a new stamp in the
 * same transaction as every write to what the screen shows (their plans, the plans' items, their time zone), by
 * triggers, so no write path can forget it; every replica compares the stamp it kept with the database's on every
 * read, so a change made through another replica is seen by the next read here too. The screen also holds only for
 * the patient's local date it was computed on ({@code today}). Not kept: a screen of a patient with no stamp yet, and
 * one showing a library entry's current words rather than words kept for a content version ({@link
 * PlanService.MyScreen#onlyKeptWords}), since an edit of the library changes those without a new stamp.
 *
 * <p>
 * The answer is the same bytes {@link PlanService#mine} serialized by the application's {@link ObjectMapper} gives;
 * the ownership check ({@link PlanAccess#requirePatient}, which also names the patient for the audit record) runs
 * on every read, and the audit filter records every read as before. Bounded by {@value #MAX_BYTES} bytes of JSON:
 * past that it starts over rather than grow.
 */
@ApplicationScoped
public class PatientScreens {
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final String STAMP_QUERY = "SELECT stamp FROM patient_screen_stamp WHERE patient_id = ?";

    private record Key(UUID patientId, Language language) {
    }

    private record Screen(UUID stamp, ZoneId zone, LocalDate date, byte[] json, java.util.List<PlanView> plans) {
    }

    /**
     * The patient's screen both ways: as the JSON {@code GET /api/plans/mine} answers ({@code Page<PlanView>}) and as
     * the views it was made from (immutable records), for a read that shows more than the plans (the patient's day,
     * {@link PatientDays}).
     */
    public record Kept(byte[] json, java.util.List<PlanView> plans) {
    }

    private final PlanService plans;
    private final PlanAccess access;
    private final DataSource database;
    private final ObjectMapper json;
    private final Clock clock;
    private final KeptAnswers<Key, Screen> screens = new KeptAnswers<>(MAX_BYTES, s -> s.json().length);
    private final Counter answeredKept;
    private final Counter answeredComputed;

    public PatientScreens(PlanService plans, PlanAccess access, DataSource database, ObjectMapper json, Clock clock,
            MeterRegistry registry) {
        // How often the kept screen answers: a hot read that is computed every time shows here, not in a test.
        this.answeredKept = registry.counter("homeprogram.plans.screens", "answer", "kept");
        this.answeredComputed = registry.counter("homeprogram.plans.screens", "answer", "computed");
        this.plans = plans;
        this.access = access;
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    /** The patient's own screen as JSON ({@code Page<PlanView>}): kept if still current, else computed and kept. */
    public byte[] mine(CurrentUser patient, Language language) {
        return screen(patient, language).json();
    }

    /** The patient's own screen, as JSON and as views: kept if still current, else computed and kept. */
    public Kept screen(CurrentUser patient, Language language) {
        access.requirePatient(patient, patient.id());
        // The stamp before the plans: what is then read is at least as new as the stamp it is kept under, so a
        // write in between can only make the next read compute it again, never keep an older screen.
        UUID stamp = stampOf(patient.id());
        Key key = new Key(patient.id(), language);
        Screen kept = screens.get(key);
        if (stamp != null && kept != null && stamp.equals(kept.stamp())
                && kept.date().equals(LocalDate.now(clock.withZone(kept.zone())))) {
            answeredKept.increment();
            return new Kept(kept.json(), kept.plans());
        }
        answeredComputed.increment();
        PlanService.MyScreen screen = plans.mine(patient, language);
        byte[] answer = serialized(new Page<>(screen.plans(), screen.plans().size()));
        if (stamp != null && screen.onlyKeptWords()) {
            screens.keep(key, new Screen(stamp, screen.zone(), screen.date(), answer, screen.plans()));
        } else {
            screens.forget(key);
        }
        return new Kept(answer, screen.plans());
    }

    /** Forgets every kept screen (each is computed again on its next read). */
    void forgetAll() {
        screens.forgetAll();
    }

    private UUID stampOf(UUID patientId) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(STAMP_QUERY)) {
            query.setObject(1, patientId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the screen stamp of patient " + patientId, e);
        }
    }

    private byte[] serialized(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
