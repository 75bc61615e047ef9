package care.homeprogram.plans.service;

import care.homeprogram.plans.domain.ExerciseContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's words by content version, kept in memory: a content version is never changed once written
 * ({@link ExerciseContent}), so what was read once is what the database holds for as long as this process lives, and
 * the patient's hot read asks the database for none of it. Every replica fills its own; nothing to invalidate. Bounded
 * by {@value #MAX_ENTRIES} versions (far above a clinic's library): past that it starts over rather than grow.
 */
@ApplicationScoped
public class LibraryContentCache {
    static final int MAX_ENTRIES = 20_000;

    private final Map<ExerciseContent.Key, ExerciseContent> byVersion = new ConcurrentHashMap<>();

    /** The content of that version, or null if none was recorded (not remembered: it may be recorded later). */
    public ExerciseContent get(java.util.UUID exerciseId, int contentVersion) {
        ExerciseContent.Key key = new ExerciseContent.Key(exerciseId, contentVersion);
        ExerciseContent cached = byVersion.get(key);
        if (cached != null) {
            return cached;
        }
        ExerciseContent stored = ExerciseContent.of(exerciseId, contentVersion);
        if (stored == null) {
            return null;
        }
        if (byVersion.size() >= MAX_ENTRIES) {
            byVersion.clear();
        }
        ExerciseContent kept = detachedCopy(stored);
        byVersion.put(key, kept);
        return kept;
    }

    /** A copy no persistence context knows, with unmodifiable lists, safe to share between requests. */
    private static ExerciseContent detachedCopy(ExerciseContent stored) {
        ExerciseContent copy = new ExerciseContent();
        copy.key = stored.key;
        copy.name = stored.name;
        copy.summary = stored.summary;
        copy.instructions = List.copyOf(stored.instructions);
        copy.cautions = List.copyOf(stored.cautions);
        copy.whySafe = stored.whySafe;
        copy.createdAt = stored.createdAt;
        return copy;
    }
}
