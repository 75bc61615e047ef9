package care.homeprogram.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, each with the identity its verification built, kept only until the token's own
 * {@code exp} (never past it) and at most {@code maxEntries} of them; past that bound the expired ones are dropped and,
 * if it is still full, it starts over (every token is verified again on its next request). Keyed by the exact token
 * text: a token that differs in one character (another signature, a changed claim) is never found here.
 */
final class VerifiedTokens {
    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    VerifiedTokens(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The identity verified for exactly this token under this key, or null (never seen, or its exp has come). */
    SecurityIdentity find(String key) {
        Verified found = verified.get(key);
        if (found == null) {
            return null;
        }
        if (clock.millis() >= found.expiresAtMillis()) {
            verified.remove(key, found);
            return null;
        }
        return found.identity();
    }

    /** Keeps what a full verification built, until {@code expiresAtEpochSecond} (the token's exp). */
    void keep(String key, SecurityIdentity identity, long expiresAtEpochSecond) {
        long expiresAtMillis = expiresAtEpochSecond * 1000;
        long now = clock.millis();
        if (maxEntries <= 0 || expiresAtMillis <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> now >= v.expiresAtMillis());
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(identity, expiresAtMillis));
    }

    int size() {
        return verified.size();
    }
}
