package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One key set in every language, for every message bundle of the portal (a plain unit test, reading the bundle
 * interfaces and the files): every message has its Spanish and German text, no file has a key its interface does
 * not know, no text is left empty or still English, and each translation uses the same parameters as the English (a
 * missing one would drop, say, the exercise's name from "Stop: {item} is paused"). No bundle has more than 300
 * messages: Quarkus 3.34 generates a broken bundle class beyond that (docs/portal.md, "Languages").
 */
class PortalMessagesTest {
    /** Every bundle of the portal; a new one goes here (the last test fails for a file of a bundle not listed). */
    static final List<Class<?>> BUNDLES = List.of(PortalMessages.class, IntakeMessages.class, ScriptMessages.class,
            RefusalMessages.class);

    /** Quarkus 3.34's MessageBundleProcessor resolves 300 messages per generated method and breaks past that. */
    private static final int MOST_MESSAGES_PER_BUNDLE = 300;

    private static final Pattern PARAMETER = Pattern.compile("\\{(?!#|/)([a-zA-Z]+)");

    static Stream<Arguments> bundlesAndLanguages() {
        return BUNDLES.stream().flatMap(b -> Stream.of(Arguments.of(b, "es"), Arguments.of(b, "de")));
    }

    private static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    private static List<Method> messages(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class)).toList();
    }

    private static Set<String> keys(Class<?> bundle) {
        return messages(bundle).stream().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties translations(Class<?> bundle, String language) throws IOException {
        Properties properties = new Properties();
        String file = "/messages/" + name(bundle) + "_" + language + ".properties";
        try (InputStream in = PortalMessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
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
    @MethodSource("bundlesAndLanguages")
    void everyKeyHasItsTranslationAndNothingElse(Class<?> bundle, String language) throws IOException {
        Properties translated = translations(bundle, language);
        assertThat(keys(bundle)).as("messages of %s", bundle.getSimpleName()).hasSizeGreaterThan(5);
        assertThat(translated.stringPropertyNames()).as("keys of %s_%s.properties", name(bundle), language)
                .containsExactlyInAnyOrderElementsOf(keys(bundle));
    }

    @ParameterizedTest
    @MethodSource("bundlesAndLanguages")
    void everyTranslationIsWrittenAndKeepsTheParameters(Class<?> bundle, String language) throws IOException {
        Properties translated = translations(bundle, language);
        for (Method method : messages(bundle)) {
            String english = method.getAnnotation(Message.class).value();
            String key = name(bundle) + ":" + method.getName();
            String text = translated.getProperty(method.getName(), "");
            assertThat(text).as("%s in %s", key, language).isNotBlank();
            assertThat(parameters(text)).as("parameters of %s in %s", key, language).isEqualTo(parameters(english));
            // a sentence left in English: longer texts only, short ones ("Offline", "Video") may be the same word
            if (english.length() > 12) {
                assertThat(text).as("%s in %s is still English", key, language).isNotEqualTo(english);
            }
        }
    }

    @Test
    void noBundleHasMoreMessagesThanQuarkusCanResolve() {
        for (Class<?> bundle : BUNDLES) {
            assertThat(messages(bundle)).as("%s: at most %d messages, else start a bundle for another area",
                    bundle.getSimpleName(), MOST_MESSAGES_PER_BUNDLE).hasSizeLessThanOrEqualTo(MOST_MESSAGES_PER_BUNDLE);
        }
        assertThat(BUNDLES.stream().map(PortalMessagesTest::name)).doesNotHaveDuplicates();
    }

    @Test
    void everyMessageFileBelongsToABundleTestedHere() throws IOException, URISyntaxException {
        Path folder = Path.of(PortalMessagesTest.class.getResource("/messages").toURI());
        Set<String> expected = BUNDLES.stream().flatMap(b -> Stream.of(name(b) + "_es.properties",
                name(b) + "_de.properties")).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
