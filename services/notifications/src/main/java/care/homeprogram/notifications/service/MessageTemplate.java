package care.homeprogram.notifications.service;

/**
 * Every message the platform sends, in one place so a test can prove none carries health details: no condition,
 * exercise, pain score or name, in the app or by email (docs/clinical-rules.md rule 9). Details live behind the link. Messages
 * to therapists about a patient carry a severity; only CRITICAL ones are urgent (sent in quiet hours too). Every
 * email is the one {@link #LAYOUT} filled with a message's own {@link Mail} parts, never a body of its own.
 */
public enum MessageTemplate {
    PLAN_ASSIGNED(null,
            "Your new home program is ready",
            "Your therapist has shared a new home program with you. Open it to see what is planned for today.",
            "Your new home program is ready",
            new Mail("Your therapist has shared a new home program with you.", "Sign in to see it", null)),
    REMINDER(null,
            "Your program for today is ready",
            "It is time for today's session. Open your program to see what is planned.",
            "Your program for today is ready",
            Mail.reminder("Your program for today is ready.", "Sign in to see it")),
    CATCH_UP(null,
            "There is still time for today's program",
            "Even a short session counts. Open your program whenever it suits you today.",
            "A friendly reminder from HomeProgram",
            Mail.reminder("There is still time for today's program.", "Sign in to see it")),
    INACTIVE_NUDGE(null,
            "Your home program is waiting for you",
            "It has been a few days since your last session. Picking up again is easy: even a short session helps.",
            "Your home program is waiting for you",
            Mail.reminder("Your home program is waiting for you.", "Sign in to see it")),
    /** An outcome measure is due (MeasureDue): which questionnaire, and why, is for the portal to say. */
    MEASURE_DUE(null,
            "You have a short questionnaire to fill in",
            "Your therapist would like to hear how you are doing. It only takes a few minutes.",
            "You have a short questionnaire to fill in",
            Mail.reminder("You have a short questionnaire to fill in.", "Sign in to answer it")),
    ATTENTION_CRITICAL("CRITICAL",
            "Urgent: a patient in your care needs you now",
            "Please review this patient at once. Open the link to see who and why.",
            "Urgent: please sign in to HomeProgram now",
            new Mail("A patient in your care needs your attention now.", "Sign in to see who and why", null)),
    ATTENTION_HIGH("HIGH",
            "A patient in your care needs your attention today",
            "Please review this patient today. Open the link to see who and why.",
            "Please sign in to HomeProgram today",
            new Mail("A patient in your care needs your attention today.", "Sign in to see who and why", null)),
    ATTENTION_LOW("LOW",
            "A patient in your care has an update for you to review",
            "Please review this update when you can. Open the link to see who and why.",
            "An update is waiting for you in HomeProgram",
            new Mail("An update about a patient in your care is waiting for you.", "Sign in to see it", null)),
    STILL_UNACKNOWLEDGED_CRITICAL("CRITICAL",
            "Still unacknowledged: a patient in your care needs you now",
            "An urgent notice about this patient has not been acknowledged yet. Please review it at once.",
            "Urgent, still unacknowledged: please sign in to HomeProgram now",
            new Mail(
                    "An urgent notice about a patient in your care has not been acknowledged yet.",
                    "Please sign in now and acknowledge it",
                    null)),
    ESCALATION_CONTACT("CRITICAL",
            "Escalation: an urgent patient notice is unacknowledged",
            "An urgent notice has not been acknowledged by the patient's care team. Please make sure someone acts now.",
            "Escalation: an urgent HomeProgram notice is unacknowledged",
            new Mail(
                    "You are the clinic's escalation contact. An urgent notice about a patient has not been\n"
                    + "acknowledged by the patient's care team in time. Please make sure a clinician acts now.",
                    "Sign in to see who and why",
                    null)),
    STILL_UNACKNOWLEDGED_HIGH("HIGH",
            "Reminder: a patient notice is waiting for you",
            "A notice about a patient in your care has not been acknowledged for a day. Please review it today.",
            "Reminder: please sign in to HomeProgram today",
            new Mail(
                    "A notice about a patient in your care has been waiting for a day.",
                    "Please sign in and review it today",
                    null)),
    /** An admin asked to add someone to a care team: one of its therapists must confirm (docs/security.md). */
    CARE_TEAM_CONFIRMATION_NEEDED("HIGH",
            "An administrator asks to change a care team you are in",
            "Nobody new sees this patient until a therapist of the care team confirms. Please review the request.",
            "Please review a care team request in HomeProgram",
            new Mail(
                    "An administrator asked to add a colleague to the care team of a patient in your care.",
                    "Nothing changes until a therapist of the care team confirms. Please review it",
                    "If you did not expect this request, decline it and tell your clinic.")),
    CARE_TEAM_CHANGED_BY_ADMIN("LOW",
            "An administrator changed a care team you are in",
            "The care team of a patient in your care was changed by an administrator. Open it to see the team.",
            "A care team was changed in HomeProgram",
            new Mail(
                    "An administrator changed the care team of a patient in your care.",
                    "Sign in to see the team",
                    "If you did not expect this change, tell your clinic.")),
    CARE_TEAM_CHANGE_FOR_PATIENT(null,
            "Your care team is changing",
            "The clinic changed, or asked to change, who looks after your home program. Open it to see your team.",
            "Your HomeProgram care team is changing",
            new Mail(
                    "The clinic changed, or asked to change, who looks after your home program.",
                    "Sign in to see your care team",
                    "If you did not expect this, please contact your clinic."));

    /**
     * What differs between two emails; everything else is {@link #LAYOUT}. {@code lead} says what happened,
     * {@code action} what to do, followed by the link; {@code note} (optional) is a line before the privacy line.
     * Reminders to patients end with where to change them.
     */
    record Mail(String lead, String action, String note, boolean reminder) {
        Mail(String lead, String action, String note) {
            this(lead, action, note, false);
        }

        static Mail reminder(String lead, String action) {
            return new Mail(lead, action, null, true);
        }
    }

    /**
     * The one layout every email is made from, so greeting, privacy line and signature are written once: a patient
     * reads "For your privacy", staff "For privacy"; the link is always on its own line after the action.
     */
    static final String LAYOUT = """
            Hello,

            {lead}
            {action}: {link}

            {note}For {privacy} this email contains no health details.
            {settings}HomeProgram
            """;
    static final String SETTINGS_LINE = "You can change when and how we remind you in your notification settings.\n";

    private final String severity;
    private final String title;
    private final String inAppBody;
    private final String emailSubject;
    private final Mail mail;

    MessageTemplate(String severity, String title, String inAppBody, String emailSubject, Mail mail) {
        this.severity = severity;
        this.title = title;
        this.inAppBody = inAppBody;
        this.emailSubject = emailSubject;
        this.mail = mail;
    }

    /** The notice for a therapist about an alert of this severity; an unknown severity is treated as HIGH. */
    public static MessageTemplate forAlert(String severity) {
        if ("CRITICAL".equals(severity)) {
            return ATTENTION_CRITICAL;
        }
        return "LOW".equals(severity) ? ATTENTION_LOW : ATTENTION_HIGH;
    }

    /** LOW, HIGH or CRITICAL for therapist notices; null for messages to patients. */
    public String severity() {
        return severity;
    }

    /** CRITICAL: in the in-app inbox whatever the channel settings, by email even in quiet hours. */
    /**
     * The text of this message as a push notification on a lock screen (docs/notifications.md, "Push"): shorter and
     * plainer still than the title, since anyone near the phone may read it; null for messages that are not pushed
     * (the escalation contact is an address, care-team requests wait for the inbox and email).
     */
    public String pushText() {
        return switch (this) {
            case REMINDER -> "Your program for today is ready";
            case CATCH_UP -> "There is still time for today's program";
            case PLAN_ASSIGNED, INACTIVE_NUDGE, CARE_TEAM_CHANGE_FOR_PATIENT, MEASURE_DUE -> "You have a new message";
            case ATTENTION_CRITICAL, ATTENTION_HIGH, ATTENTION_LOW, STILL_UNACKNOWLEDGED_CRITICAL,
                    STILL_UNACKNOWLEDGED_HIGH -> "A patient needs your attention";
            case ESCALATION_CONTACT, CARE_TEAM_CONFIRMATION_NEEDED, CARE_TEAM_CHANGED_BY_ADMIN -> null;
        };
    }

    /** A reminder is pointless after its day's moment has passed: the push service may drop it after 3 h. */
    public java.time.Duration pushTimeToLive() {
        return this == REMINDER || this == CATCH_UP ? java.time.Duration.ofHours(3) : java.time.Duration.ofDays(1);
    }

    public boolean urgent() {
        return "CRITICAL".equals(severity);
    }

    public String title() {
        return title;
    }

    public String inAppBody() {
        return inAppBody;
    }

    public String emailSubject() {
        return emailSubject;
    }

    /** The email as sent: {@link #LAYOUT} filled with this message's parts and the link into the portal. */
    public String emailBody(String link) {
        return LAYOUT.replace("{lead}", mail.lead()).replace("{action}", mail.action())
                .replace("{note}", mail.note() == null ? "" : mail.note() + "\n")
                .replace("{privacy}", severity == null ? "your privacy" : "privacy")
                .replace("{settings}", mail.reminder() ? SETTINGS_LINE : "")
                .replace("{link}", link);
    }
}
