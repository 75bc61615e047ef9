package care.homeprogram.patients.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.api.TherapistPreferencesUpdate;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.api.TherapistView;
import care.homeprogram.contract.events.PatientEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The therapist directory (therapists find colleagues for a care team, admins assign patients) and a therapist's own
 * notification preferences, which patient-service owns and announces (notification-service only projects them).
 */
@ApplicationScoped
public class TherapistService {
    private static final Logger LOG = Logger.getLogger(TherapistService.class);

    private final Outbox outbox;

    public TherapistService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Page<TherapistView> search(String query, int page, int size) {
        return new Page<>(Therapist.search(query, page, size).stream().map(TherapistView::of).toList(),
                Therapist.countMatching(query));
    }

    @Transactional
    public TherapistView get(UUID id) {
        return Therapist.byId(id).map(TherapistView::of)
                .orElseThrow(() -> ProblemException.notFound("Therapist " + id));
    }

    @Transactional
    public TherapistView me(CurrentUser caller) {
        return TherapistView.of(own(caller));
    }

    @Transactional
    public TherapistView updatePreferences(CurrentUser caller, TherapistPreferencesUpdate update) {
        Therapist therapist = own(caller);
        PatientService.applyPreferences(therapist, update.timeZone(), update.quietHours(), update.channels());
        outbox.append(PatientEvents.THERAPIST_CONTACT_CHANGED, therapist.id,
                PatientService.contact(therapist));
        LOG.infof("therapist %s changed notification preferences", therapist.id);
        return TherapistView.of(therapist);
    }

    private static Therapist own(CurrentUser caller) {
        return Therapist.byId(caller.id()).orElseThrow(() -> ProblemException.notFound("Your therapist record"));
    }
}
