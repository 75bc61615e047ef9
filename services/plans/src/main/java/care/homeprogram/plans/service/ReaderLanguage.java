package care.homeprogram.plans.service;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.client.PatientsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The language a reader gets the library's words and the safety messages in (docs/api.md, "Languages"): a patient's
 * preferred language if it is one we have, else the best of ours in the request's {@code Accept-Language}, else
 * English. The preference is patient-service's; it is asked with the patient's own token and kept for
 * {@code homeprogram.language.preference-ttl} (a minute), so the hot read calls patient-service at most once a minute
 * per patient, and a changed preference shows within that minute.
 */
@ApplicationScoped
public class ReaderLanguage {
    private static final int MAX_PATIENTS = 50_000;

    private record Preference(Optional<Language> language, Instant until) {
    }

    private final PatientsClient patients;
    private final Instance<JsonWebToken> token;
    private final Clock clock;
    private final Duration keptFor;
    private final Map<UUID, Preference> preferences = new ConcurrentHashMap<>();

    public ReaderLanguage(PatientsClient patients, Instance<JsonWebToken> token, Clock clock,
            @ConfigProperty(name = "homeprogram.language.preference-ttl", defaultValue = "PT1M") Duration keptFor) {
        this.patients = patients;
        this.token = token;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    public Language of(CurrentUser reader, String acceptLanguage) {
        Optional<Language> preferred = reader.isPatient() ? preferred(reader.id()) : Optional.empty();
        return preferred.or(() -> Language.bestOf(acceptLanguage)).orElse(Language.EN);
    }

    private Optional<Language> preferred(UUID patientId) {
        Instant now = clock.instant();
        Preference kept = preferences.get(patientId);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.language();
        }
        Optional<Language> language = patients.preferredLanguage(patientId, token.get().getRawToken())
                .flatMap(Language::ofTag);
        if (preferences.size() >= MAX_PATIENTS) {
            preferences.clear();
        }
        preferences.put(patientId, new Preference(language, now.plus(keptFor)));
        return language;
    }
}
