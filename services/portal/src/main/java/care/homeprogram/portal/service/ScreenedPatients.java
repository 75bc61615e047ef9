package care.homeprogram.portal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patients this portal instance has seen with a recorded intake screen, so that Today stops asking
 * patient-service on every visit whether to show the intake prompt (one call fewer per page: docs/portal.md, "Render
 * times"). Only "screened" is remembered: patient-service never takes a recorded screen back (a therapist can only
 * replace it), so the fact cannot go stale; "not screened yet" is asked again on every visit, so the prompt goes away
 * as soon as either the patient or their therapist records the screen. A portal restarted, or another replica,
 * simply asks once more.
 */
@ApplicationScoped
public class ScreenedPatients {
    /** Far more patients than one clinic signs in between two restarts; about 100 bytes each. */
    private static final int MAX_PATIENTS = 50_000;

    private final Set<UUID> screened = ConcurrentHashMap.newKeySet();

    /** Whether this patient's screen is known to be recorded; false means "ask patient-service", not "not screened". */
    public boolean known(UUID patient) {
        return screened.contains(patient);
    }

    /** patient-service said this patient's screen is recorded. */
    public void remember(UUID patient) {
        if (screened.size() >= MAX_PATIENTS) {
            // forgetting costs one call per patient on their next visit, nothing else
            screened.clear();
        }
        screened.add(patient);
    }
}
