package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.RtmEnrolment.ConsentMethod;
import care.homeprogram.plans.domain.RtmTimeEntry.Source;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answers of /api/rtm (docs/api.md, "Remote therapeutic monitoring"). */
public final class RtmViews {
    private RtmViews() {
    }

    /** GET /api/rtm/patients/{id}: consent, set-up, and the caller's running timer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Patient(UUID patientId, Consent consent, Setup setup, Timer timer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consent(UUID recordedBy, OffsetDateTime recordedAt, ConsentMethod method, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Setup(UUID recordedBy, OffsetDateTime recordedAt, String note, String code) {
    }

    public record Timer(UUID startedBy, OffsetDateTime startedAt) {
    }

    /** {@code minutes} is {@code seconds} floored; a timer's entry also has when it ran. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeEntry(UUID id, LocalDate date, int minutes, int seconds, boolean interactive, String note,
            Source source, UUID recordedBy, OffsetDateTime recordedAt, OffsetDateTime startedAt,
            OffsetDateTime stoppedAt) {
    }

    public record TimeEntries(List<TimeEntry> items, int total) {
    }

    /** A data-days period ending in the month: the days, the sessions behind them, the code (when it has ended). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(LocalDate start, LocalDate end, int dataDays, List<LocalDate> dates, List<UUID> sessionIds,
            String code, String reason, boolean complete) {
    }

    public record Proposal(String code, int units, String reason) {
    }

    /** What a patient's month qualifies for and why; {@code timeReason} explains the management-time result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthSummary(UUID patientId, String month, boolean consentRecorded, Setup setup,
            List<Period> periods, int minutes, int interactiveMinutes, boolean interactiveCommunication,
            String timeReason, List<TimeEntry> timeEntries, List<Proposal> proposed, String codeTableVersion,
            String note) {

        /**
         * The month as billing staff read it: the same figures and trace, without the therapists' free-text notes on
         * the set-up and the time entries (clinical content a claim does not need).
         */
        public MonthSummary withoutNotes() {
            Setup bareSetup = setup == null ? null
                    : new Setup(setup.recordedBy(), setup.recordedAt(), null, setup.code());
            List<TimeEntry> bareEntries = timeEntries.stream()
                    .map(e -> new TimeEntry(e.id(), e.date(), e.minutes(), e.seconds(), e.interactive(), null,
                            e.source(), e.recordedBy(), e.recordedAt(), e.startedAt(), e.stoppedAt()))
                    .toList();
            return new MonthSummary(patientId, month, consentRecorded, bareSetup, periods, minutes,
                    interactiveMinutes, interactiveCommunication, timeReason, bareEntries, proposed,
                    codeTableVersion, note);
        }
    }

    public record Ledger(String month, List<MonthSummary> patients, String codeTableVersion) {
    }
}
