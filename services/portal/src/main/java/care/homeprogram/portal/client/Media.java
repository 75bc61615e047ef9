package care.homeprogram.portal.client;

import java.util.UUID;

/**
 * A picture or the video of a library entry (plan-service's {@code MediaView}): {@code description} is an image's alt
 * text or a video's text alternative; the browser fetches the bytes through the portal at {@link #src()}.
 */
public record Media(UUID id, UUID exerciseId, String kind, String contentType, Integer width, Integer height,
        String description) {

    public boolean isVideo() {
        return "VIDEO".equals(kind);
    }

    public String src() {
        return "/media/" + id;
    }
}
