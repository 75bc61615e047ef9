package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The safety message catalogue: one key set in every language, same placeholders and numbers as the English. */
class SafetyMessagesTest {
    private static final Pattern NUMBER_OR_PLACEHOLDER = Pattern.compile("\\{\\d+}|\\d+");

    private static List<String> numbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER_OR_PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyExistsInEveryLanguageWithTheSamePlaceholdersAndNumbers(Language language) {
        Set<String> english = SafetyMessages.keys(Language.EN);
        assertThat(english).contains(Guidance.EMERGENCY, Guidance.SAME_DAY, Guidance.STOP, Guidance.RED,
                Guidance.AMBER, Guidance.GREEN, Guidance.FOLLOW_UP);
        assertThat(SafetyMessages.keys(language)).isEqualTo(english);
        for (String key : english) {
            String text = SafetyMessages.text(language, key, List.of());
            assertThat(text).as(language + " " + key).isNotBlank();
            assertThat(numbers(text)).as(language + " " + key + ": " + text)
                    .isEqualTo(numbers(SafetyMessages.text(Language.EN, key, List.of())));
        }
    }

    @Test
    void everyStopReasonIsWrittenInEveryLanguage() {
        for (Symptom symptom : Symptom.values()) {
            for (Language language : Language.values()) {
                assertThat(Guidance.why(symptom).in(language)).isNotBlank();
            }
        }
    }

    @Test
    void theStopMessageNamesTheReasonInTheReadersLanguage() {
        SafetyOutcome outcome = SessionRules.evaluate(2, Set.of(Symptom.SHARP_PAIN), 0, null, Thresholds.DEFAULT);
        assertThat(outcome.text().in(Language.ES)).startsWith("Detenga este ejercicio")
                .contains("dolor agudo o punzante").contains("busque ayuda de urgencia");
        assertThat(outcome.text().in(Language.DE)).startsWith("Hören Sie mit dieser Übung")
                .contains("stechender").contains("Notfallhilfe");
        assertThat(outcome.guidance()).startsWith("Stop this exercise for now. Sharp or catching pain is a sign "
                + "to stop. Your therapist has been told");
        assertThat(SessionRules.evaluate(5, Set.of(), 0, null, Thresholds.DEFAULT).text().in(Language.DE))
                .startsWith("Ihr Schmerz lag bei 5 von 10.");
    }
}
