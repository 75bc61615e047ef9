package care.homeprogram.notifications.service;

/**
 * Every message the platform sends, in one place so a test can prove none carries health details: no condition,
 * exercise, pain score or name, in the app or by email (docs/clinical-rules.md rule 9). Details live behind the link. Messages
 * to therapists about a patient carry a severity; only CRITICAL ones are urgent (sent in quiet hours too).
 */
public enum MessageTemplate {
    PLAN_ASSIGNED(null,
            "Your new home program is ready",
            "Your therapist has shared a new home program with you. Open it to see what is planned for today.",
            "Your new home program is ready",
            """
                    Hello,

                    Your therapist has shared a new home program with you.
                    Sign in to see it: %s

                    For your privacy this email contains no health details.
                    HomeProgram
                    """),
    REMINDER(null,
            "Your program for today is ready",
            "It is time for today's session. Open your program to see what is planned.",
            "Your program for today is ready",
            """
                    Hello,

                    Your program for today is ready.
                    Sign in to see it: %s

                    For your privacy this email contains no health details.
                    You can change when and how we remind you in your notification settings.
                    HomeProgram
                    """),
    CATCH_UP(null,
            "There is still time for today's program",
            "Even a short session counts. Open your program whenever it suits you today.",
            "A friendly reminder from HomeProgram",
            """
                    Hello,

                    There is still time for today's program.
                    Sign in to see it: %s

                    For your privacy this email contains no health details.
                    You can change when and how we remind you in your notification settings.
                    HomeProgram
                    """),
    INACTIVE_NUDGE(null,
            "Your home program is waiting for you",
            "It has been a few days since your last session. Picking up again is easy: even a short session helps.",
            "Your home program is waiting for you",
            """
                    Hello,

                    Your home program is waiting for you.
                    Sign in to see it: %s

                    For your privacy this email contains no health details.
                    You can change when and how we remind you in your notification settings.
                    HomeProgram
                    """),
    ATTENTION_CRITICAL("CRITICAL",
            "Urgent: a patient in your care needs you now",
            "Please review this patient at once. Open the link to see who and why.",
            "Urgent: please sign in to HomeProgram now",
            """
                    Hello,

                    A patient in your care needs your attention now.
                    Sign in to see who and why: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """),
    ATTENTION_HIGH("HIGH",
            "A patient in your care needs your attention today",
            "Please review this patient today. Open the link to see who and why.",
            "Please sign in to HomeProgram today",
            """
                    Hello,

                    A patient in your care needs your attention today.
                    Sign in to see who and why: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """),
    ATTENTION_LOW("LOW",
            "A patient in your care has an update for you to review",
            "Please review this update when you can. Open the link to see who and why.",
            "An update is waiting for you in HomeProgram",
            """
                    Hello,

                    An update about a patient in your care is waiting for you.
                    Sign in to see it: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """),
    STILL_UNACKNOWLEDGED_CRITICAL("CRITICAL",
            "Still unacknowledged: a patient in your care needs you now",
            "An urgent notice about this patient has not been acknowledged yet. Please review it at once.",
            "Urgent, still unacknowledged: please sign in to HomeProgram now",
            """
                    Hello,

                    An urgent notice about a patient in your care has not been acknowledged yet.
                    Please sign in now and acknowledge it: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """),
    ESCALATION_CONTACT("CRITICAL",
            "Escalation: an urgent patient notice is unacknowledged",
            "An urgent notice has not been acknowledged by the patient's care team. Please make sure someone acts now.",
            "Escalation: an urgent HomeProgram notice is unacknowledged",
            """
                    Hello,

                    You are the clinic's escalation contact. An urgent notice about a patient has not been
                    acknowledged by the patient's care team in time. Please make sure a clinician acts now.
                    Sign in to see who and why: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """),
    STILL_UNACKNOWLEDGED_HIGH("HIGH",
            "Reminder: a patient notice is waiting for you",
            "A notice about a patient in your care has not been acknowledged for a day. Please review it today.",
            "Reminder: please sign in to HomeProgram today",
            """
                    Hello,

                    A notice about a patient in your care has been waiting for a day.
                    Please sign in and review it today: %s

                    For privacy this email contains no health details.
                    HomeProgram
                    """);

    private final String severity;
    private final String title;
    private final String inAppBody;
    private final String emailSubject;
    private final String emailBody;

    MessageTemplate(String severity, String title, String inAppBody, String emailSubject, String emailBody) {
        this.severity = severity;
        this.title = title;
        this.inAppBody = inAppBody;
        this.emailSubject = emailSubject;
        this.emailBody = emailBody;
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

    public String emailBody(String link) {
        return emailBody.formatted(link);
    }
}
