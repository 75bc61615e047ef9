package care.homeprogram.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/clinical-rules.md rule 9: no health details in anything that leaves the app, nor in the inbox preview. Every template
 * (reminders, catch-up and inactivity nudges, therapist notices of every severity) is scanned: title, in-app body,
 * email subject and the email body as sent.
 */
class MessageTemplateTest {
    private static final List<String> CLINICAL_WORDS = List.of("pain", "back", "spasm", "spine", "numb", "bladder",
            "bowel", "exercise", "bird-dog", "stretch", "heat", "cold", "injury", "diagnos", "symptom", "alert",
            "emergency", "leg", "weak", "fever", "sciatica", "cauda", "saddle", "urin", "incontinen", "sexual",
            "red flag", "red-flag", "medication", "steroid", "cancer", "pelvic", "dead bug", "cat-camel", "foam",
            "hydration", "electrolyte", "breathing", "critical", "accident", "weight loss", "safety rule", "paused");
    private static final List<String> DEMO_NAMES = List.of("pat", "sam", "polly", "morgan", "rivera", "nakamura",
            "tara", "theo", "ada", "lindqvist", "lovelace", "okafor");
    /** The outcome measures a patient may be asked (docs/outcomes.md): a reminder to answer one names none. */
    private static final List<String> INSTRUMENT_NAMES = List.of("psfs", "patient-specific", "functional scale",
            "start back", "start-back", "keele", "oswestry", "odi", "disability", "nrs", "numeric rating", "score");
    private static final String LINK = "http://portal.example/";

    private static String everything(MessageTemplate template) {
        return String.join("\n", template.title(), template.inAppBody(), template.emailSubject(),
                template.emailBody(LINK), String.valueOf(template.pushText())).toLowerCase(Locale.ROOT);
    }

    @Test
    void noOutgoingTemplateCarriesClinicalWordsOrNames() {
        assertThat(MessageTemplate.values()).hasSizeGreaterThanOrEqualTo(10);
        for (MessageTemplate template : MessageTemplate.values()) {
            String everything = everything(template);
            assertThat(CLINICAL_WORDS).as(template + " must carry no clinical words")
                    .noneMatch(everything::contains);
            assertThat(DEMO_NAMES).as(template + " must carry no names")
                    .noneMatch(name -> everything.matches("(?s).*\\b" + name + "\\b.*"));
            assertThat(INSTRUMENT_NAMES).as(template + " must name no questionnaire")
                    .noneMatch(name -> everything.matches("(?s).*\\b" + name + "\\b.*"));
        }
    }

    /** The reminder for a due outcome measure, as the patient reads it everywhere: no instrument, no clinical detail. */
    @Test
    void theDueQuestionnaireReminderSaysOnlyThatThereIsAShortQuestionnaire() {
        MessageTemplate due = MessageTemplate.MEASURE_DUE;
        assertThat(due.title()).isEqualTo("You have a short questionnaire to fill in");
        assertThat(due.emailSubject()).isEqualTo("You have a short questionnaire to fill in");
        assertThat(due.pushText()).isEqualTo("You have a new message");
        assertThat(due.severity()).isNull();
        assertThat(due.urgent()).isFalse();
        assertThat(due.emailBody(LINK)).isEqualTo("""
                Hello,

                You have a short questionnaire to fill in.
                Sign in to answer it: http://portal.example/

                For your privacy this email contains no health details.
                You can change when and how we remind you in your notification settings.
                HomeProgram
                """);
    }

    @Test
    void everyEmailLinksIntoThePortalAndSaysItCarriesNoHealthDetails() {
        for (MessageTemplate template : MessageTemplate.values()) {
            String body = template.emailBody(LINK);
            assertThat(body).as(template.name()).contains(LINK).doesNotContain("%s").contains("no health details");
            assertThat(template.emailSubject()).as(template.name()).isNotBlank().doesNotContain("%");
        }
    }

    /** A lock screen is read by anyone near the phone: four short fixed texts, the same for every message of a kind. */
    @Test
    void pushTextsAreFewShortAndFixed() {
        assertThat(Arrays.stream(MessageTemplate.values()).map(MessageTemplate::pushText)
                .filter(java.util.Objects::nonNull).distinct()).containsExactlyInAnyOrder(
                        "Your program for today is ready", "There is still time for today's program",
                        "You have a new message", "A patient needs your attention");
        assertThat(MessageTemplate.ESCALATION_CONTACT.pushText()).isNull();
        assertThat(MessageTemplate.REMINDER.pushTimeToLive()).isEqualTo(java.time.Duration.ofHours(3));
    }

    @Test
    void onlyCriticalNoticesAreUrgentAndTherapistNoticesCarryASeverity() {
        assertThat(Arrays.stream(MessageTemplate.values()).filter(MessageTemplate::urgent))
                .containsExactly(MessageTemplate.ATTENTION_CRITICAL, MessageTemplate.STILL_UNACKNOWLEDGED_CRITICAL,
                        MessageTemplate.ESCALATION_CONTACT);
        assertThat(MessageTemplate.forAlert("CRITICAL")).isEqualTo(MessageTemplate.ATTENTION_CRITICAL);
        assertThat(MessageTemplate.forAlert("HIGH")).isEqualTo(MessageTemplate.ATTENTION_HIGH);
        assertThat(MessageTemplate.forAlert("LOW")).isEqualTo(MessageTemplate.ATTENTION_LOW);
        assertThat(MessageTemplate.forAlert("SOMETHING_NEW")).isEqualTo(MessageTemplate.ATTENTION_HIGH);
        assertThat(List.of(MessageTemplate.PLAN_ASSIGNED, MessageTemplate.REMINDER, MessageTemplate.CATCH_UP,
                MessageTemplate.INACTIVE_NUDGE, MessageTemplate.MEASURE_DUE))
                .allSatisfy(t -> assertThat(t.severity()).isNull());
    }

    /**
     * Every email comes from the one layout ({@link MessageTemplate#LAYOUT}) and still reads as a letter: a subject,
     * the greeting, what happened, the action with the link on that line, the privacy line for its reader (a patient
     * reads "your privacy"), the reminder-settings line on reminders only, and the signature; no placeholder is left.
     */
    @Test
    void everyEmailReadsRightFromTheOneLayout() {
        List<MessageTemplate> reminders = List.of(MessageTemplate.REMINDER, MessageTemplate.CATCH_UP,
                MessageTemplate.INACTIVE_NUDGE, MessageTemplate.MEASURE_DUE);
        for (MessageTemplate template : MessageTemplate.values()) {
            String body = template.emailBody(LINK);
            assertThat(template.emailSubject()).as(template.name()).isNotBlank();
            assertThat(body).as(template.name()).startsWith("Hello,\n\n").endsWith("\nHomeProgram\n")
                    .doesNotContain("{").doesNotContain("}").doesNotContain("\n\n\n");
            assertThat(body.lines().filter(line -> line.contains(LINK)).toList()).as(template.name())
                    .singleElement().satisfies(line -> assertThat(line).endsWith(": " + LINK));
            assertThat(body).as(template.name()).contains(template.severity() == null
                    ? "\nFor your privacy this email contains no health details.\n"
                    : "\nFor privacy this email contains no health details.\n");
            assertThat(body.contains("You can change when and how we remind you in your notification settings."))
                    .as(template.name() + " tells where to change reminders only if it is one")
                    .isEqualTo(reminders.contains(template));
        }
        assertThat(MessageTemplate.REMINDER.emailBody(LINK)).isEqualTo("""
                Hello,

                Your program for today is ready.
                Sign in to see it: http://portal.example/

                For your privacy this email contains no health details.
                You can change when and how we remind you in your notification settings.
                HomeProgram
                """);
        assertThat(MessageTemplate.CARE_TEAM_CONFIRMATION_NEEDED.emailBody(LINK)).isEqualTo("""
                Hello,

                An administrator asked to add a colleague to the care team of a patient in your care.
                Nothing changes until a therapist of the care team confirms. Please review it: http://portal.example/

                If you did not expect this request, decline it and tell your clinic.
                For privacy this email contains no health details.
                HomeProgram
                """);
    }
}
