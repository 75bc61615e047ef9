package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Rtm;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The therapist's remote-monitoring page of one patient: what is recorded (consent, setup, the running timer) in
 * words, the month's summary as plan-service computed it, and the forms as typed (with their messages when plan
 * service refused one). Times are in the patient's time zone, like the patient's page.
 */
public record RtmView(UUID patientId, String name, String zone, YearMonth month, Rtm.Status status,
        String consentText, String setupText, String timerSince, Section<Summary> summary, Forms consentForm,
        Forms setupForm, Forms stopForm, Forms timeForm, String startProblem, String notice) {

    /** The month's figures in words, for the page's tables. */
    public record Summary(List<PeriodRow> periods, List<EntryRow> entries, List<Rtm.Proposal> proposed, int minutes,
            int interactiveMinutes, boolean interactiveCommunication, String timeReason, String codeTableVersion,
            String note) {
    }

    public record PeriodRow(String range, int dataDays, String dates, String code, String reason) {
    }

    public record EntryRow(String date, int minutes, boolean interactive, String source, String note, String by) {
    }

    public static final List<String> CONSENT_METHODS = List.of("VERBAL", "WRITTEN", "ELECTRONIC");
    private static final Map<String, String> METHOD_WORDS = Map.of("VERBAL", "Verbal", "WRITTEN", "Written",
            "ELECTRONIC", "Electronic");

    public static String methodWords(String method) {
        return method == null ? "" : METHOD_WORDS.getOrDefault(method, method);
    }

    public boolean consented() {
        return status.consent() != null;
    }

    public boolean setUp() {
        return status.setup() != null;
    }

    public boolean timerRunning() {
        return status.timer() != null;
    }

    public List<String> consentMethods() {
        return CONSENT_METHODS;
    }

    public String monthLabel() {
        return RtmPages.monthLabel(month);
    }

    public MonthChoice monthChoice() {
        return new MonthChoice(month, "/patients/" + patientId + "/rtm", "#month");
    }

    /** Whether any form on the page was refused: the page's title and error summary say so. */
    public boolean refused() {
        return !consentForm.valid() || !setupForm.valid() || !stopForm.valid() || !timeForm.valid()
                || startProblem != null;
    }

    public RtmView withConsentForm(Forms form) {
        return new RtmView(patientId, name, zone, month, status, consentText, setupText, timerSince, summary, form,
                setupForm, stopForm, timeForm, startProblem, notice);
    }

    public RtmView withSetupForm(Forms form) {
        return new RtmView(patientId, name, zone, month, status, consentText, setupText, timerSince, summary,
                consentForm, form, stopForm, timeForm, startProblem, notice);
    }

    public RtmView withStopForm(Forms form) {
        return new RtmView(patientId, name, zone, month, status, consentText, setupText, timerSince, summary,
                consentForm, setupForm, form, timeForm, startProblem, notice);
    }

    public RtmView withTimeForm(Forms form) {
        return new RtmView(patientId, name, zone, month, status, consentText, setupText, timerSince, summary,
                consentForm, setupForm, stopForm, form, startProblem, notice);
    }

    public RtmView withStartProblem(String problem) {
        return new RtmView(patientId, name, zone, month, status, consentText, setupText, timerSince, summary,
                consentForm, setupForm, stopForm, timeForm, problem, notice);
    }
}
