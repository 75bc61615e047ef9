package care.homeprogram.notifications.service;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.notifications.domain.Adherence;
import care.homeprogram.notifications.rest.AdherenceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What a therapist sees of non-adherence: only the plans they assigned. */
@ApplicationScoped
public class AdherenceService {
    @Transactional
    public Page<AdherenceView> ofTherapist(UUID therapistId, int page, int size) {
        return new Page<>(Adherence.ofTherapist(therapistId, page, size).stream().map(AdherenceView::of).toList(),
                Adherence.countOfTherapist(therapistId));
    }
}
