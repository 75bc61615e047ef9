package care.homeprogram.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** PRODUCT.md rule 9: no health details in anything that leaves the app, nor in the inbox preview. */
class MessageTemplateTest {
    private static final List<String> CLINICAL_WORDS = List.of("pain", "back", "spasm", "spine", "numb", "bladder",
            "bowel", "exercise", "bird-dog", "stretch", "heat", "cold", "injury", "diagnos", "symptom", "alert",
            "emergency", "leg", "weak", "fever");
    private static final List<String> DEMO_NAMES = List.of("pat", "sam", "polly", "morgan", "rivera", "nakamura",
            "tara", "theo");

    @Test
    void noOutgoingTemplateCarriesClinicalWordsOrNames() {
        for (MessageTemplate template : MessageTemplate.values()) {
            String everything = String.join("\n", template.title(), template.inAppBody(), template.emailSubject(),
                    template.emailBody("http://portal.example/")).toLowerCase(Locale.ROOT);
            assertThat(CLINICAL_WORDS).as(template + " must carry no clinical words")
                    .noneMatch(everything::contains);
            assertThat(DEMO_NAMES).as(template + " must carry no names")
                    .noneMatch(name -> everything.matches("(?s).*\\b" + name + "\\b.*"));
        }
    }

    @Test
    void everyEmailLinksIntoThePortal() {
        for (MessageTemplate template : MessageTemplate.values()) {
            assertThat(template.emailBody("http://portal.example/")).contains("http://portal.example/");
        }
    }
}
