package care.homeprogram.plans.safety;

import care.homeprogram.contract.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Guidance as the rules decide it, before it is put into words: message keys of {@link SafetyMessages} with their
 * arguments, rendered in the reader's language ({@link #in}). An argument is a number or a nested text (the stop
 * message names the signs that stopped the exercise, each its own message).
 */
public record GuidanceText(List<Part> parts) {

    /** One message; {@code args} are {@link Number}s or {@link GuidanceText}s. */
    public record Part(String key, List<Object> args) {
    }

    public GuidanceText {
        parts = List.copyOf(parts);
    }

    public static GuidanceText of(String key, Object... args) {
        return new GuidanceText(List.of(new Part(key, List.of(args))));
    }

    /** This text followed by another message. */
    public GuidanceText then(String key, Object... args) {
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(key, List.of(args)));
        return new GuidanceText(more);
    }

    /** Several messages as one text (e.g. the reasons to stop). */
    public static GuidanceText all(List<GuidanceText> texts) {
        return new GuidanceText(texts.stream().flatMap(t -> t.parts().stream()).toList());
    }

    /** The words in that language, messages separated by a space. */
    public String in(Language language) {
        return parts.stream().map(p -> SafetyMessages.text(language, p.key(), p.args().stream()
                .map(a -> a instanceof GuidanceText nested ? nested.in(language) : String.valueOf(a)).toList()))
                .collect(Collectors.joining(" "));
    }
}
