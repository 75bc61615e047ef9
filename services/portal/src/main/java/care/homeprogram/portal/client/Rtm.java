package care.homeprogram.portal.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * plan-service's remote therapeutic monitoring ({@code /api/rtm}, docs/api.md "Remote monitoring"): the patient's
 * consent, setup and the therapist's running timer; time entries; the month's summary with the codes it proposes; and
 * the clinic's monthly ledger. plan-service computes every figure and every proposal; the portal shows them.
 */
public final class Rtm {
    private Rtm() {
    }

    /** {@code GET /api/rtm/patients/{id}}: what is recorded for the patient, and the caller's running timer. */
    public record Status(UUID patientId, Consent consent, Setup setup, Timer timer) {
    }

    public record Consent(UUID recordedBy, OffsetDateTime recordedAt, String method, String note) {
    }

    /** The setup and education (CPT 98975), once per episode of care. */
    public record Setup(UUID recordedBy, OffsetDateTime recordedAt, String note, String code) {
    }

    public record Timer(UUID startedBy, OffsetDateTime startedAt) {
    }

    /** {@code PUT /api/rtm/patients/{id}/consent}: VERBAL, WRITTEN or ELECTRONIC. */
    public record ConsentChange(String method, String note) {
    }

    /** {@code POST /api/rtm/patients/{id}/setup}. */
    public record SetupRequest(String note) {
    }

    /** {@code POST /api/rtm/patients/{id}/timer/stop}. */
    public record Stop(boolean interactive, String note) {
    }

    /** {@code POST /api/rtm/patients/{id}/time}: time spent without the timer, with the reason in the note. */
    public record ManualTime(LocalDate date, int minutes, boolean interactive, String note) {
    }

    /** Time spent on the patient's monitoring: by the timer or entered afterwards. */
    public record TimeEntry(UUID id, LocalDate date, int minutes, long seconds, boolean interactive, String note,
            String source, UUID recordedBy, OffsetDateTime recordedAt) {
    }

    /**
     * {@code GET /api/rtm/patients/{id}/months/{YYYY-MM}}: one patient's month, with the codes proposed;
     * {@code timeReason} says why the month's time does or does not qualify.
     */
    public record Month(UUID patientId, String patientName, String month, boolean consentRecorded, SetupCode setup,
            List<Period> periods, int minutes, int interactiveMinutes, boolean interactiveCommunication,
            String timeReason, List<TimeEntry> timeEntries, List<Proposal> proposed, String codeTableVersion,
            String note) {
        public Month {
            periods = periods == null ? List.of() : periods;
            timeEntries = timeEntries == null ? List.of() : timeEntries;
            proposed = proposed == null ? List.of() : proposed;
        }
    }

    public record SetupCode(String code, OffsetDateTime recordedAt) {
    }

    /**
     * A 30-day data period ending in the month: the days with a verified session, and the code they support once the
     * period is {@code complete}.
     */
    public record Period(LocalDate start, LocalDate end, int dataDays, List<LocalDate> dates, List<UUID> sessionIds,
            String code, String reason, boolean complete) {
        public Period {
            dates = dates == null ? List.of() : dates;
            sessionIds = sessionIds == null ? List.of() : sessionIds;
        }
    }

    /** A code plan-service proposes for the month, with why; nothing is billed from it automatically. */
    public record Proposal(String code, int units, String reason) {
    }

    /** {@code GET /api/rtm/ledger?month=}: the month of each of the therapist's patients with consent. */
    public record Ledger(String month, List<Month> patients, String codeTableVersion) {
        public Ledger {
            patients = patients == null ? List.of() : patients;
        }
    }
}
