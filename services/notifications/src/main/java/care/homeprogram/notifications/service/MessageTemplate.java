package care.homeprogram.notifications.service;

import care.homeprogram.contract.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Every message the platform sends, in one place so a test can prove none carries health details: no condition,
 * exercise, pain score or name, in the app or by email (docs/clinical-rules.md rule 9), in any language. Details live
 * behind the link. Messages to therapists about a patient carry a severity; only CRITICAL ones are urgent (sent in
 * quiet hours too). Every email is the one {@link #LAYOUT} filled with a message's own parts, never a body of its own.
 *
 * <p>What a message says is in the language files ({@link MessageTexts}), under the template's name: {@code title},
 * {@code inApp} (the in-app body), {@code subject}, the mail parts {@code lead}, {@code action} and, for some,
 * {@code note}; the push texts under {@code push.*}, the layout's fixed lines under {@code layout.*}. Each message is
 * written in its recipient's language when it is created ({@link Language}).
 */
public enum MessageTemplate {
    PLAN_ASSIGNED(null, Push.NEW_MESSAGE, false),
    REMINDER(null, Push.TODAY, true),
    CATCH_UP(null, Push.STILL_TIME, true),
    INACTIVE_NUDGE(null, Push.NEW_MESSAGE, true),
    /** An outcome measure is due (MeasureDue): which questionnaire, and why, is for the portal to say. */
    MEASURE_DUE(null, Push.NEW_MESSAGE, true),
    ATTENTION_CRITICAL("CRITICAL", Push.ATTENTION, false),
    ATTENTION_HIGH("HIGH", Push.ATTENTION, false),
    ATTENTION_LOW("LOW", Push.ATTENTION, false),
    STILL_UNACKNOWLEDGED_CRITICAL("CRITICAL", Push.ATTENTION, false),
    /** The escalation contact is an address, not a person with devices: never pushed. */
    ESCALATION_CONTACT("CRITICAL", null, false),
    STILL_UNACKNOWLEDGED_HIGH("HIGH", Push.ATTENTION, false),
    /**
     * An admin asked to add someone to a care team: one of its therapists must confirm (docs/security.md). Care-team
     * requests wait for the inbox and email: not pushed.
     */
    CARE_TEAM_CONFIRMATION_NEEDED("HIGH", null, false),
    CARE_TEAM_CHANGED_BY_ADMIN("LOW", null, false),
    CARE_TEAM_CHANGE_FOR_PATIENT(null, Push.NEW_MESSAGE, false);

    /**
     * The text of a message as a push notification on a lock screen (docs/notifications.md, "Push"): shorter and
     * plainer still than the title, since anyone near the phone may read it; four texts, the same for every message
     * of a kind.
     */
    enum Push {
        TODAY("push.today"), STILL_TIME("push.stillTime"), NEW_MESSAGE("push.newMessage"),
        ATTENTION("push.attention");

        final String key;

        Push(String key) {
            this.key = key;
        }
    }

    /**
     * The one layout every email is made from, so greeting, privacy line and signature are written once: a patient
     * reads "For your privacy", staff "For privacy"; the link is always on its own line after the action.
     * {@code lead} says what happened, {@code action} what to do, followed by the link; {@code note} (optional) is a
     * line before the privacy line; reminders to patients end with where to change them ({@code settings}).
     */
    static final String LAYOUT = """
            {greeting}

            {lead}
            {action}: {link}

            {note}{privacy}
            {settings}HomeProgram
            """;
    static final String GREETING = "layout.greeting";
    static final String PRIVACY_PATIENT = "layout.privacy.patient";
    static final String PRIVACY_STAFF = "layout.privacy.staff";
    static final String SETTINGS = "layout.settings";

    private final String severity;
    private final Push push;
    private final boolean reminder;

    MessageTemplate(String severity, Push push, boolean reminder) {
        this.severity = severity;
        this.push = push;
        this.reminder = reminder;
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

    /** Whether this message goes to the recipient's devices too (it has a push text). */
    public boolean pushed() {
        return push != null;
    }

    /** The push text in this language; null for messages that are not pushed ({@link #pushed()}). */
    public String pushText(Language language) {
        return push == null ? null : MessageTexts.text(language, push.key);
    }

    /** A reminder is pointless after its day's moment has passed: the push service may drop it after 3 h. */
    public java.time.Duration pushTimeToLive() {
        return this == REMINDER || this == CATCH_UP ? java.time.Duration.ofHours(3) : java.time.Duration.ofDays(1);
    }

    /** CRITICAL: in the in-app inbox whatever the channel settings, by email even in quiet hours. */
    public boolean urgent() {
        return "CRITICAL".equals(severity);
    }

    public String title(Language language) {
        return text(language, "title");
    }

    public String inAppBody(Language language) {
        return text(language, "inApp");
    }

    public String emailSubject(Language language) {
        return text(language, "subject");
    }

    /** The email as sent: {@link #LAYOUT} filled with this message's parts in this language and the portal link. */
    public String emailBody(Language language, String link) {
        String note = name() + ".note";
        return LAYOUT.replace("{greeting}", MessageTexts.text(language, GREETING))
                .replace("{lead}", text(language, "lead")).replace("{action}", text(language, "action"))
                .replace("{note}", MessageTexts.has(language, note) ? MessageTexts.text(language, note) + "\n" : "")
                .replace("{privacy}", MessageTexts.text(language, severity == null ? PRIVACY_PATIENT : PRIVACY_STAFF))
                .replace("{settings}", reminder ? MessageTexts.text(language, SETTINGS) + "\n" : "")
                .replace("{link}", link);
    }

    /**
     * The keys every language must have: each template's own, its push text's and the layout's ({@code note} is
     * optional, but a language has it for a template exactly when English does: the key sets are one).
     */
    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>(List.of(GREETING, PRIVACY_PATIENT, PRIVACY_STAFF, SETTINGS));
        for (Push text : Push.values()) {
            keys.add(text.key);
        }
        for (MessageTemplate template : values()) {
            for (String part : List.of("title", "inApp", "subject", "lead", "action")) {
                keys.add(template.name() + "." + part);
            }
        }
        return keys;
    }

    private String text(Language language, String part) {
        return MessageTexts.text(language, name() + "." + part);
    }
}
