package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each signed-in patient's preferred language, as patient-service keeps it ({@code preferredLanguage} of their own
 * record, read as the patient). Kept for {@code homeprogram.portal.language.preference-ttl} (a minute), so a page
 * does not cost one more call to patient-service; the portal's own language switch updates it at once, so the switch
 * shows on the next page. When patient-service does not answer, the page falls back to the browser's language and
 * asks again a few seconds later.
 */
@ApplicationScoped
public class PatientLanguages {
    private static final int MAX_PATIENTS = 50_000;
    private static final Duration AFTER_A_FAILURE = Duration.ofSeconds(10);

    private record Kept(Optional<Language> language, Instant until) {
    }

    private final PatientsClient patients;
    private final Duration keptFor;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    public PatientLanguages(PatientsClient patients,
            @ConfigProperty(name = "homeprogram.portal.language.preference-ttl", defaultValue = "PT1M") Duration keptFor) {
        this.patients = patients;
        this.keptFor = keptFor;
    }

    /**
     * The signed-in patient's preferred language, if it is one of ours; call it only for the patient who is signed
     * in ({@code patient} is their id, the key it is kept under).
     */
    public Optional<Language> ofSignedInPatient(UUID patient) {
        Instant now = Instant.now();
        Kept known = kept.get(patient);
        if (known != null && now.isBefore(known.until())) {
            return known.language();
        }
        Optional<Language> language;
        Duration keep = keptFor;
        try {
            language = Language.ofTag(patients.me().preferredLanguage());
        } catch (ServiceUnavailable | ServiceProblem notNow) {
            language = Optional.empty();
            keep = AFTER_A_FAILURE;
        }
        remember(patient, language, now.plus(keep));
        return language;
    }

    /** The patient chose {@code language} here (and patient-service stored it): their next page is in it. */
    public void changed(UUID patient, Language language) {
        remember(patient, Optional.of(language), Instant.now().plus(keptFor));
    }

    private void remember(UUID patient, Optional<Language> language, Instant until) {
        if (kept.size() >= MAX_PATIENTS) {
            kept.clear();
        }
        kept.put(patient, new Kept(language, until));
    }
}
