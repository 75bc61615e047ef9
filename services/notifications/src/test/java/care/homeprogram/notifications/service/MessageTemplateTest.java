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
    private static final String LINK = "http://portal.example/";

    private static String everything(MessageTemplate template) {
        return String.join("\n", template.title(), template.inAppBody(), template.emailSubject(),
                template.emailBody(LINK)).toLowerCase(Locale.ROOT);
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
        }
    }

    @Test
    void everyEmailLinksIntoThePortalAndSaysItCarriesNoHealthDetails() {
        for (MessageTemplate template : MessageTemplate.values()) {
            String body = template.emailBody(LINK);
            assertThat(body).as(template.name()).contains(LINK).doesNotContain("%s").contains("no health details");
            assertThat(template.emailSubject()).as(template.name()).isNotBlank().doesNotContain("%");
        }
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
                MessageTemplate.INACTIVE_NUDGE)).allSatisfy(t -> assertThat(t.severity()).isNull());
    }
}
