package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Language;
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
 * The therapist's page of one patient ({@code GET /api/plans/overview}, {@link PatientOverviews}) kept in memory as
 * the JSON it answered, per patient, number of earlier versions and language, and served again while it is current:
 * one indexed read of two stamps, no entity, no transaction. The database gives the patient a new stamp
 * ({@code patient_overview_stamp}, V22) in the same transaction as every write to what the overview shows (their
 * plans, items, versions, sessions and corrections, alerts and escalation steps, measure schedules, responses and
 * scores, progression dismissals, profile and care team), by triggers, so no write path can forget it; the
 * instruments and the library's current words, the same for every patient, have one stamp of their own
 * ({@code overview_catalog_stamp}). Every replica compares both with the database's on every read, so a change made
 * through another replica is seen by the next read here too. An overview also holds only for the patient's local date
 * it was computed on (what is due today, the adherence weeks).
 *
 * <p>
 * Nothing in the overview depends on which therapist of the care team asks (drafts are shown to all of them, scores'
 * bands to every therapist), so one kept overview answers each of them. The care-team check ({@link
 * PlanAccess#requirePatient}, which also names the patient for the audit record) runs on every read, before the
 * kept overview is looked at, and the audit filter records every read as before. A patient with no stamp yet (nothing
 * written since V22) is computed every time. Bounded by {@value #MAX_BYTES} bytes of JSON.
 */
@ApplicationScoped
public class KeptOverviews {
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final String STAMPS_QUERY = "SELECT (SELECT stamp FROM patient_overview_stamp WHERE patient_id = ?),"
            + " (SELECT stamp FROM overview_catalog_stamp)";

    private record Key(UUID patientId, int versionsBefore, Language language) {
    }

    private record Stamps(UUID patient, UUID catalog) {
    }

    private record Overview(Stamps stamps, ZoneId zone, LocalDate date, byte[] json) {
    }

    private final PatientOverviews overviews;
    private final PlanAccess access;
    private final DataSource database;
    private final ObjectMapper json;
    private final Clock clock;
    private final KeptAnswers<Key, Overview> kept = new KeptAnswers<>(MAX_BYTES, o -> o.json().length);
    private final Counter answeredKept;
    private final Counter answeredComputed;

    public KeptOverviews(PatientOverviews overviews, PlanAccess access, DataSource database, ObjectMapper json,
            Clock clock, MeterRegistry registry) {
        // How often the kept overview answers: a page computed every time shows here, not in a test.
        this.answeredKept = registry.counter("homeprogram.plans.overviews", "answer", "kept");
        this.answeredComputed = registry.counter("homeprogram.plans.overviews", "answer", "computed");
        this.overviews = overviews;
        this.access = access;
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The patient's overview as JSON ({@code PatientOverviewView}): kept if still current, else computed and kept.
     *
     * @param versionsBefore as {@link PatientOverviews#of}
     */
    public byte[] of(CurrentUser therapist, UUID patientId, int versionsBefore, Language language) {
        // the care-team check (404 outside it) and the audit record's patient, on every read
        access.requirePatient(therapist, patientId);
        // The stamps before the overview: what is then read is at least as new as the stamps it is kept under, so a
        // write in between can only make the next read compute it again, never keep an older overview.
        Stamps stamps = stampsOf(patientId);
        Key key = new Key(patientId, versionsBefore, language);
        Overview overview = kept.get(key);
        if (stamps.patient() != null && overview != null && stamps.equals(overview.stamps())
                && overview.date().equals(LocalDate.now(clock.withZone(overview.zone())))) {
            answeredKept.increment();
            return overview.json();
        }
        answeredComputed.increment();
        PatientOverviews.Computed computed = overviews.of(therapist, patientId, versionsBefore, language);
        byte[] answer = serialized(computed.view());
        if (stamps.patient() != null) {
            kept.keep(key, new Overview(stamps, computed.zone(), computed.date(), answer));
        } else {
            kept.forget(key);
        }
        return answer;
    }

    private Stamps stampsOf(UUID patientId) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(STAMPS_QUERY)) {
            query.setObject(1, patientId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Stamps(row.getObject(1, UUID.class), row.getObject(2, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the overview stamps of patient " + patientId, e);
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
