package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/** A library entry, as therapists read it. */
public record Exercise(UUID id, String slug, String name, String category, String summary, List<String> instructions,
        List<String> cautions, String whySafe, Dose defaultDose, List<String> flags, String temperature,
        List<String> bodyRegions, boolean sharedWithClinic, UUID ownerTherapistId, Integer contentVersion) {

    public Exercise {
        instructions = instructions == null ? List.of() : instructions;
        cautions = cautions == null ? List.of() : cautions;
        flags = flags == null ? List.of() : flags;
        bodyRegions = bodyRegions == null ? List.of() : bodyRegions;
    }

    /** The therapist's own entry, which they may edit and archive. */
    public boolean ownedBy(UUID therapistId) {
        return ownerTherapistId != null && ownerTherapistId.equals(therapistId);
    }

    public boolean isCold() {
        return flags.contains("COLD_THERAPY");
    }

    public boolean needsConfirmation() {
        return flags.contains("REQUIRES_THERAPIST_CONFIRMATION");
    }
}
