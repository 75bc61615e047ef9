package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.ExerciseMedia;
import java.util.UUID;

/**
 * A picture or the video of a library entry. {@code url}: where its bytes are served (immutable: a changed picture is
 * a new media item with a new id); {@code description}: an image's alt text, a video's text alternative;
 * {@code width}/{@code height}: pixels of a raster image, null for SVG and video.
 */
public record MediaView(UUID id, UUID exerciseId, ExerciseMedia.Kind kind, String contentType, long sizeBytes,
        String sha256, Integer width, Integer height, String description, int position, boolean seeded, String url) {

    public static MediaView of(ExerciseMedia m) {
        return new MediaView(m.id, m.exercise.id, m.kind, m.contentType, m.sizeBytes, m.sha256, m.width, m.height,
                m.description, m.position, m.seedFile != null, "/api/media/" + m.id);
    }

    /** The same media item with its description in other words (a seeded drawing's translated alt text). */
    public MediaView describedAs(String text) {
        return new MediaView(id, exerciseId, kind, contentType, sizeBytes, sha256, width, height, text, position,
                seeded, url);
    }
}
