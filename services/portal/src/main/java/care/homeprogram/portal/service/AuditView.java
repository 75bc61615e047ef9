package care.homeprogram.portal.service;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.AuditEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One page of the audit trail across the services (patient-, plan- and notification-service each keep their own),
 * newest first, and which trails could not be read right now.
 */
public record AuditView(List<AuditEntry> entries, long total, boolean hasNext, List<String> unavailable) {

    /** Merges one page of each service's trail; {@code pageSize} is the size asked of each. */
    public static AuditView merge(Map<String, Section<Page<AuditEntry>>> trails, int page, int pageSize) {
        List<AuditEntry> entries = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        long total = 0;
        boolean hasNext = false;
        for (Map.Entry<String, Section<Page<AuditEntry>>> trail : trails.entrySet()) {
            if (trail.getValue().unavailable()) {
                unavailable.add(trail.getKey());
                continue;
            }
            Page<AuditEntry> found = trail.getValue().value();
            entries.addAll(found.items());
            total += found.total();
            hasNext |= (long) (page + 1) * pageSize < found.total();
        }
        entries.sort(Comparator.comparing(AuditEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return new AuditView(entries, total, hasNext, unavailable);
    }
}
