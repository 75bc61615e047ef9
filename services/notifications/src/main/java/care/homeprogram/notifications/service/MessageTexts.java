package care.homeprogram.notifications.service;

import care.homeprogram.contract.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of every message, one file per language ({@code i18n/messages_<tag>.properties}, UTF-8) with one key
 * set: what a message says lives there, how it is put together in {@link MessageTemplate}. A missing key fails
 * loudly rather than sending a placeholder; a test proves every language has every key.
 */
final class MessageTexts {
    private static final Map<Language, Properties> TEXTS = load();

    private MessageTexts() {
    }

    static String text(Language language, String key) {
        String text = TEXTS.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in " + file(language));
        }
        return text;
    }

    static boolean has(Language language, String key) {
        return TEXTS.get(language).containsKey(key);
    }

    /** Every key of a language's file. */
    static Set<String> keys(Language language) {
        return new TreeSet<>(TEXTS.get(language).stringPropertyNames());
    }

    static String file(Language language) {
        return "i18n/messages_" + language.tag() + ".properties";
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (InputStream in = MessageTexts.class.getClassLoader().getResourceAsStream(file(language))) {
                if (in == null) {
                    throw new IllegalStateException("missing " + file(language));
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts.put(language, properties);
        }
        return texts;
    }
}
