package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One key set in every language (a plain unit test, reading the bundle interface and the files): every message of
 * {@link PortalMessages} has its Spanish and German text, no file has a key the interface does not know, no text is
 * left empty or still English, and each translation uses the same parameters as the English (a missing one would
 * drop, say, the exercise's name from "Stop: {item} is paused").
 */
class PortalMessagesTest {
    private static final Pattern PARAMETER = Pattern.compile("\\{(?!#|/)([a-zA-Z]+)");

    private static Set<String> keys() {
        return Arrays.stream(PortalMessages.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties translations(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream file = PortalMessagesTest.class.getResourceAsStream("/messages/msg_" + language + ".properties")) {
            assertThat(file).as("messages/msg_%s.properties", language).isNotNull();
            properties.load(new InputStreamReader(file, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> parameters(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = { "es", "de" })
    void everyKeyHasItsTranslationAndNothingElse(String language) throws IOException {
        Properties translated = translations(language);
        assertThat(keys()).hasSizeGreaterThan(100);
        assertThat(translated.stringPropertyNames()).as("keys of msg_%s.properties", language)
                .containsExactlyInAnyOrderElementsOf(keys());
    }

    @ParameterizedTest
    @ValueSource(strings = { "es", "de" })
    void everyTranslationIsWrittenAndKeepsTheParameters(String language) throws IOException {
        Properties translated = translations(language);
        for (Method method : PortalMessages.class.getDeclaredMethods()) {
            String english = method.getAnnotation(Message.class).value();
            String text = translated.getProperty(method.getName(), "");
            assertThat(text).as("%s in %s", method.getName(), language).isNotBlank();
            assertThat(parameters(text)).as("parameters of %s in %s", method.getName(), language)
                    .isEqualTo(parameters(english));
            // a sentence left in English: longer texts only, short ones ("Offline", "Video") may be the same word
            if (english.length() > 12) {
                assertThat(text).as("%s in %s is still English", method.getName(), language).isNotEqualTo(english);
            }
        }
    }
}
