package care.homeprogram.notifications.service;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.contract.Page;
import care.homeprogram.notifications.domain.Adherence;
import care.homeprogram.notifications.api.AdherenceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** What a therapist sees of non-adherence: only the plans they assigned. */
@ApplicationScoped
public class AdherenceService {
    /** The patients a page names, for the audit trail: one record per patient listed. */
    @Inject
    AuditContext audit;

    @Transactional
    public Page<AdherenceView> ofTherapist(UUID therapistId, int page, int size) {
        List<AdherenceView> items = Adherence.ofTherapist(therapistId, page, size).stream().map(AdherenceView::of)
                .toList();
        audit.concernsPatients(items.stream().map(AdherenceView::patientId).toList());
        return new Page<>(items, Adherence.countOfTherapist(therapistId));
    }
}
