package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Media;
import care.homeprogram.portal.client.MediaProxy;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The pictures of the patient's program for the PDF, fetched as the patient (plan-service decides what they may see):
 * each exercise's list at once ({@link PageCalls}), then at most {@value #PER_EXERCISE} pictures each, each read up
 * to plan-service's 5 MB cap. A picture that cannot be fetched keeps its alt text, which the PDF prints instead.
 */
@ApplicationScoped
public class ProgramPictures {
    static final int PER_EXERCISE = 3;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final PlansClient plans;
    private final MediaProxy media;
    private final PageCalls calls;

    public ProgramPictures(PlansClient plans, MediaProxy media, PageCalls calls) {
        this.plans = plans;
        this.media = media;
        this.calls = calls;
    }

    public Map<UUID, List<ProgramPdf.Picture>> of(List<Plan> program) {
        Set<UUID> exercises = new LinkedHashSet<>();
        program.forEach(p -> p.items().stream().filter(i -> !"REMOVED".equals(i.status()) && i.exerciseId() != null)
                .forEach(i -> exercises.add(i.exerciseId())));
        Map<UUID, PageCalls.Pending<List<ProgramPdf.Picture>>> pending = new HashMap<>();
        exercises.forEach(id -> pending.put(id, calls.start(() -> pictures(id))));
        Map<UUID, List<ProgramPdf.Picture>> all = new HashMap<>();
        pending.forEach((id, call) -> {
            try {
                all.put(id, call.get());
            } catch (RuntimeException unavailable) {
                all.put(id, List.of()); // the words of the program matter more than its pictures
            }
        });
        return all;
    }

    private List<ProgramPdf.Picture> pictures(UUID exerciseId) {
        List<Media> listed;
        try {
            listed = plans.media(exerciseId);
        } catch (ServiceProblem | ServiceUnavailable e) {
            return List.of();
        }
        List<ProgramPdf.Picture> pictures = new ArrayList<>();
        int images = 0;
        for (Media m : listed) {
            if (m.isVideo()) {
                pictures.add(new ProgramPdf.Picture(m.description(), m.contentType(), true, null));
            } else if (images++ < PER_EXERCISE) {
                pictures.add(new ProgramPdf.Picture(m.description(), m.contentType(), false, bytes(m)));
            }
        }
        return pictures;
    }

    private byte[] bytes(Media m) {
        try {
            MediaProxy.Answer answer = media.fetch(m.id(), Map.of());
            try (InputStream body = answer.body()) {
                if (answer.status() != 200) {
                    return null;
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                return bytes.length > MAX_BYTES ? null : bytes;
            }
        } catch (IOException | ServiceUnavailable e) {
            return null;
        }
    }
}
