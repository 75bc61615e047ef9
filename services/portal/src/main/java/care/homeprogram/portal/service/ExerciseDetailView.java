package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Media;
import java.util.List;
import java.util.UUID;

/**
 * One item of the patient's current program on its own page: how to do it in words, its pictures with their alt text
 * and its video with its caption. {@code status} is the item's (ACTIVE, PAUSED); {@code dose} in words.
 */
public record ExerciseDetailView(UUID planId, UUID itemId, String name, String status, String dose,
        String summary, List<String> instructions, List<String> cautions, String whySafe, String noteToPatient,
        List<Media> media) {

    public List<Media> images() {
        return media.stream().filter(m -> !m.isVideo()).toList();
    }

    public Media video() {
        return media.stream().filter(Media::isVideo).findFirst().orElse(null);
    }

    public boolean paused() {
        return "PAUSED".equals(status);
    }

    public boolean hasContent() {
        return instructions != null && !instructions.isEmpty();
    }

    public boolean hasCautions() {
        return cautions != null && !cautions.isEmpty();
    }
}
