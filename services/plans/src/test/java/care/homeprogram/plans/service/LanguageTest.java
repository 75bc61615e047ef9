package care.homeprogram.plans.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of our languages an Accept-Language header asks for (RFC 9110 weights); none → the caller's fallback. */
class LanguageTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "de | DE", "de-AT | DE", "es-MX,es;q=0.9,en;q=0.8 | ES", "fr, de;q=0.5 | DE", "en;q=0.4, es;q=0.6 | ES",
        "de;q=0, es;q=0.1 | ES", "fr, ja;q=0.5 | ", "* | ", "'' | ", "q=0.5 | ", "DE-de;q=abc, en;q=0.1 | EN"})
    void theBestOfOursWins(String header, Language expected) {
        assertThat(Language.bestOf(header)).isEqualTo(Optional.ofNullable(expected));
    }
}
