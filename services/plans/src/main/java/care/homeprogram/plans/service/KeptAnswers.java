package care.homeprogram.plans.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Answers kept in memory by key ({@link PatientScreens}, {@link KeptOverviews}), bounded by the bytes of JSON they
 * hold: past the bound every answer is forgotten and kept again as it is next computed, rather than the memory grow.
 * Whether a kept answer is still current is for its owner to decide (each compares stamps the database keeps).
 */
final class KeptAnswers<K, A> {
    private final long maxBytes;
    private final ToIntFunction<A> bytes;
    private final Map<K, A> answers = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();

    KeptAnswers(long maxBytes, ToIntFunction<A> bytes) {
        this.maxBytes = maxBytes;
        this.bytes = bytes;
    }

    /** The answer kept under the key, or null. */
    A get(K key) {
        return answers.get(key);
    }

    void keep(K key, A answer) {
        int size = bytes.applyAsInt(answer);
        if (keptBytes.addAndGet(size) > maxBytes) {
            forgetAll();
            keptBytes.addAndGet(size);
        }
        A replaced = answers.put(key, answer);
        if (replaced != null) {
            keptBytes.addAndGet(-bytes.applyAsInt(replaced));
        }
    }

    void forget(K key) {
        A removed = answers.remove(key);
        if (removed != null) {
            keptBytes.addAndGet(-bytes.applyAsInt(removed));
        }
    }

    void forgetAll() {
        answers.clear();
        keptBytes.set(0);
    }
}
