package care.homeprogram.patients.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.rest.TherapistView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The therapist directory: therapists find colleagues for a care team, admins assign patients. */
@ApplicationScoped
public class TherapistService {

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
        return Therapist.byId(caller.id()).map(TherapistView::of)
                .orElseThrow(() -> ProblemException.notFound("Your therapist record"));
    }
}
