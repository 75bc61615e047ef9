package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.Media;
import care.homeprogram.portal.client.MediaProxy;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The pictures and the video of one of the therapist's own exercises: listed with their alt text and caption, a
 * picture added (with its alt text), the video set or replaced (with its caption), either removed after a
 * confirmation. Plain multipart forms, so it all works without JavaScript. The file goes to plan-service as it came
 * ({@link MediaProxy#upload}): plan-service checks its type from the bytes, its size, the SVG and the words, and its
 * refusal shows on this page next to the form that sent it. The portal's own cap on these two routes
 * ({@link UploadBodyLimit}) lies just above plan-service's, so a file plan-service would refuse for its size still
 * gets plan-service's words.
 */
@Path("/library/exercises/{id}/media")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class LibraryMediaResource {

    /** {@code imageForm}: alt text and the file's error; {@code videoForm}: caption and the file's error. */
    public record MediaPage(Exercise exercise, List<Media> media, Forms imageForm, Forms videoForm, String notice) {
        public List<Media> images() {
            return media.stream().filter(m -> !m.isVideo()).toList();
        }

        public Media video() {
            return media.stream().filter(Media::isVideo).findFirst().orElse(null);
        }

        /** The error summary's entries: each links to the field it is about. */
        public List<Map.Entry<String, String>> problems() {
            java.util.ArrayList<Map.Entry<String, String>> all = new java.util.ArrayList<>();
            imageForm.errors().forEach((field, message) -> all.add(Map.entry(field, message)));
            videoForm.errors().forEach((field, message) -> all.add(Map.entry(field, message)));
            return all;
        }
    }

    public record RemovePage(Exercise exercise, Media media) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance media(MediaPage view);

        static native TemplateInstance remove(RemovePage view);
    }

    private final PlansClient plans;
    private final MediaProxy proxy;
    private final Viewer viewer;

    public LibraryMediaResource(PlansClient plans, MediaProxy proxy, Viewer viewer) {
        this.plans = plans;
        this.proxy = proxy;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Exercise exercise = ownExercise(id);
        return Templates.media(new MediaPage(exercise, plans.media(id), Forms.of(Map.of("alt", "")),
                Forms.of(Map.of("caption", "")), Notices.of(done)));
    }

    @POST
    @Path("/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addImage(@PathParam("id") UUID id, @RestForm("image") FileUpload image, @RestForm String alt) {
        Exercise exercise = ownExercise(id);
        Forms form = Forms.of(Map.of("alt", alt == null ? "" : alt.strip()));
        return upload(exercise, false, image, form, "image", "alt", Forms.of(Map.of("caption", "")));
    }

    @POST
    @Path("/video")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response setVideo(@PathParam("id") UUID id, @RestForm("video") FileUpload video,
            @RestForm String caption) {
        Exercise exercise = ownExercise(id);
        Forms form = Forms.of(Map.of("caption", caption == null ? "" : caption.strip()));
        return upload(exercise, true, video, form, "video", "caption", Forms.of(Map.of("alt", "")));
    }

    @GET
    @Path("/{mediaId}/remove")
    public TemplateInstance confirmRemoval(@PathParam("id") UUID id, @PathParam("mediaId") UUID mediaId) {
        Exercise exercise = ownExercise(id);
        Media media = plans.media(id).stream().filter(m -> m.id().equals(mediaId)).findFirst()
                .orElseThrow(NotFoundException::new);
        return Templates.remove(new RemovePage(exercise, media));
    }

    @POST
    @Path("/{mediaId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") UUID id, @PathParam("mediaId") UUID mediaId) {
        ownExercise(id);
        plans.removeMedia(id, mediaId);
        return Pages.redirect("/library/exercises/" + id + "/media?done=media-removed");
    }

    private Response upload(Exercise exercise, boolean video, FileUpload file, Forms form, String fileField,
            String textField, Forms otherForm) {
        try {
            if (form.value(textField).isEmpty()) {
                form.reject(textField, video ? "Describe what the video shows: it is read to those who cannot see it "
                        + "and shown beside it." : "Describe what the picture shows: it is read to those who cannot "
                        + "see it.");
            }
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                form.reject(fileField, video ? "Choose a video file (MP4 or WebM)." : "Choose a picture file (PNG, "
                        + "JPEG, WebP or SVG).");
            }
            if (!form.valid()) {
                return Pages.invalid(page(exercise, video, form, otherForm));
            }
            try {
                proxy.upload(exercise.id(), video, form.value(textField), file.uploadedFile(), file.contentType());
                return Pages.redirect("/library/exercises/" + exercise.id() + "/media?done="
                        + (video ? "video-set" : "image-added"));
            } catch (ServiceProblem refused) {
                if (refused.isNotFound() || refused.status() == 403) {
                    throw refused;
                }
                String onText = refused.errorFor(textField).orElse(null);
                if (onText != null) {
                    form.reject(textField, onText);
                } else {
                    form.reject(fileField, refused.detail() == null ? "plan-service refused the file."
                            : refused.detail());
                }
                TemplateInstance page = page(exercise, video, form, otherForm);
                return refused.status() == 413
                        ? Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                .entity(page.render()).build()
                        : Pages.invalid(page);
            }
        } finally {
            discard(file);
        }
    }

    private TemplateInstance page(Exercise exercise, boolean video, Forms form, Forms otherForm) {
        List<Media> media = plans.media(exercise.id());
        return Templates.media(video ? new MediaPage(exercise, media, otherForm, form, null)
                : new MediaPage(exercise, media, form, otherForm, null));
    }

    /** The spooled upload is not kept past the request, whatever became of it. */
    private static void discard(FileUpload file) {
        if (file != null && file.uploadedFile() != null) {
            try {
                Files.deleteIfExists(file.uploadedFile());
            } catch (IOException ignored) {
                // Quarkus removes its uploads at the end of the request as well
            }
        }
    }

    private Exercise ownExercise(UUID id) {
        UUID me = viewer.id();
        return plans.exercises().items().stream().filter(e -> e.id().equals(id) && e.ownedBy(me)).findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
