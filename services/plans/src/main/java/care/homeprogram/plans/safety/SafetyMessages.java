package care.homeprogram.plans.safety;

import care.homeprogram.contract.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The message catalogue of what the safety rules tell the patient: one key set, one file per language
 * (safety/messages_&lt;tag&gt;.properties, UTF-8). English is the clinically approved original; the Spanish and German
 * wording awaits clinical review (docs/clinical-rules.md). {@code {0}}, {@code {1}} are replaced by the arguments.
 */
public final class SafetyMessages {
    private static final Map<Language, Properties> CATALOGUE = load();

    private SafetyMessages() {
    }

    /** The message in that language; a key missing there falls back to English (the tests require none missing). */
    public static String text(Language language, String key, List<String> args) {
        String pattern = CATALOGUE.get(language).getProperty(key, CATALOGUE.get(Language.EN).getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no safety message " + key);
        }
        for (int i = 0; i < args.size(); i++) {
            pattern = pattern.replace("{" + i + "}", args.get(i));
        }
        return pattern;
    }

    /** The keys written in that language. */
    public static Set<String> keys(Language language) {
        return new TreeSet<>(CATALOGUE.get(language).stringPropertyNames());
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> catalogue = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String file = "/safety/messages_" + language.tag() + ".properties";
            try (InputStream in = SafetyMessages.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing");
                }
                Properties messages = new Properties();
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                catalogue.put(language, messages);
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is unreadable", e);
            }
        }
        return catalogue;
    }
}
