package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.MediaView;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseMedia;
import care.homeprogram.plans.domain.ExerciseMedia.Kind;
import care.homeprogram.plans.domain.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Pictures and the video of library entries. The owner of an entry adds and removes them; they are shown to whoever
 * may see the entry (see {@link #visible}). An upload streams through format detection, checks and (for SVG)
 * sanitising into chunk rows, all in one transaction: refused or cut short, nothing is stored.
 */
@ApplicationScoped
public class ExerciseMediaService {
    /** An image may be at most 5 MB, a video at most 100 MB (docs/api.md, "Exercise media"). */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    public static final long MAX_VIDEO_BYTES = 100L * 1024 * 1024;
    public static final int MAX_IMAGES = 12;
    public static final int MAX_DESCRIPTION = 2000;

    private final MediaChunks chunks;
    private final Clock clock;

    /** A seeded drawing's alt text in the reader's language (field-injected: the constructor stays as it is). */
    @jakarta.inject.Inject
    LibraryTranslations translations;

    public ExerciseMediaService(MediaChunks chunks, Clock clock) {
        this.chunks = chunks;
        this.clock = clock;
    }

    /** The upload of the entry's owner; seeded entries are illustrated by the seed, not by hand. */
    @Transactional
    public MediaView upload(CurrentUser therapist, UUID exerciseId, Kind kind, String description, InputStream body) {
        Exercise exercise = owned(therapist, exerciseId);
        return store(exercise, kind, description, body, therapist.id(), null);
    }

    /**
     * Stores media for an entry: the caller's transaction holds the row and its chunks. A new video replaces the
     * entry's old one.
     */
    public MediaView store(Exercise exercise, Kind kind, String description, InputStream body, UUID uploadedBy,
            String seedFile) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > MAX_DESCRIPTION) {
            throw ProblemException.invalidField(kind == Kind.IMAGE ? "alt" : "caption", kind == Kind.IMAGE
                    ? "An image needs its alt text (1 to " + MAX_DESCRIPTION + " characters)"
                    : "A video needs its text alternative (1 to " + MAX_DESCRIPTION + " characters)");
        }
        List<ExerciseMedia> existing = ExerciseMedia.of(exercise.id);
        if (kind == Kind.IMAGE && existing.stream().filter(m -> m.kind == Kind.IMAGE).count() >= MAX_IMAGES) {
            throw ProblemException.conflict("too-many-images",
                    "An exercise may have at most " + MAX_IMAGES + " images; remove one first");
        }
        long limit = kind == Kind.IMAGE ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
        try (InputStream limited = new LimitedInputStream(body, limit)) {
            byte[] head = new byte[MediaChunks.CHUNK_SIZE];
            int headLength = limited.readNBytes(head, 0, head.length);
            MediaFormat format = MediaFormat.require(kind, head, headLength);
            MediaFormat.Dimensions dimensions = format.checkHeader(head, headLength);
            if (kind == Kind.VIDEO) {
                existing.stream().filter(m -> m.kind == Kind.VIDEO).forEach(ExerciseMedia::delete);
                ExerciseMedia.flush(); // the one-video index sees the old one gone before the new one arrives
            }
            ExerciseMedia media = new ExerciseMedia();
            media.id = UUID.randomUUID();
            media.exercise = exercise;
            media.kind = kind;
            media.contentType = format.contentType;
            media.description = text;
            media.position = existing.stream().mapToInt(m -> m.position + 1).max().orElse(0);
            media.uploadedBy = uploadedBy;
            media.seedFile = seedFile;
            media.uploadedAt = OffsetDateTime.now(clock);
            media.sha256 = "0".repeat(64); // set below, once every byte has been read
            if (dimensions != null) {
                media.width = dimensions.width();
                media.height = dimensions.height();
            }
            media.persist();
            ExerciseMedia.flush(); // the row exists before its chunks refer to it
            MediaChunks.ChunkWriter writer = chunks.writer(media.id);
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), limited);
            if (format == MediaFormat.SVG) {
                SvgSanitiser.sanitise(whole, writer);
            } else {
                Mp4Boxes boxes = format == MediaFormat.MP4 ? new Mp4Boxes() : null;
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = whole.read(buffer)) != -1;) {
                    writer.write(buffer, 0, n);
                    if (boxes != null) {
                        boxes.update(buffer, 0, n);
                    }
                }
                if (boxes != null) {
                    boxes.finish();
                }
            }
            writer.close();
            media.sizeBytes = writer.size();
            media.sha256 = writer.sha256();
            return MediaView.of(media);
        } catch (IOException e) {
            // The body ended before its declared length (the client went away): the transaction rolls back.
            throw new ProblemException(400, "upload-incomplete", "Upload incomplete",
                    "The file ended before all of it arrived; nothing was stored, please upload it again");
        }
    }

    @Transactional
    public void remove(CurrentUser therapist, UUID exerciseId, UUID mediaId) {
        owned(therapist, exerciseId);
        ExerciseMedia media = ExerciseMedia.<ExerciseMedia>findByIdOptional(mediaId)
                .filter(m -> m.exercise.id.equals(exerciseId))
                .orElseThrow(() -> ProblemException.notFound("Media " + mediaId));
        media.delete();
    }

    /** The entry's media, for someone who may see the entry. */
    @Transactional
    public List<MediaView> list(CurrentUser caller, UUID exerciseId) {
        return list(caller, exerciseId, care.homeprogram.contract.Language.EN);
    }

    /** The entry's media, a seeded drawing's alt text in that language where its translation is shipped. */
    @Transactional
    public List<MediaView> list(CurrentUser caller, UUID exerciseId, care.homeprogram.contract.Language language) {
        Exercise exercise = Exercise.<Exercise>findByIdOptional(exerciseId).filter(e -> visible(caller, e))
                .orElseThrow(() -> ProblemException.notFound("Exercise " + exerciseId));
        return ExerciseMedia.of(exercise.id).stream().map(m -> MediaView.of(m).describedAs(translations.alt(m.description,
                        m.seedFile != null && exercise.ownerTherapistId == null, language))).toList();
    }

    /**
     * The media of several entries in one read (a patient's day names several): each entry as {@link #list} answers
     * it, in the order asked, an entry asked twice once; one the caller may not see (or unknown) makes the whole read a
     * 404. A patient's read costs two queries whatever the number of entries: which entries their assigned plans name
     * ({@link #visible}'s rule, asked once for all), then the media of those entries, of which the ones asked are
     * kept. Both are asked by the patient, not by a list of ids, so Hibernate keeps their translation to SQL.
     */
    @Transactional
    public List<MediaView> lists(CurrentUser caller, java.util.Collection<UUID> exerciseIds,
            care.homeprogram.contract.Language language) {
        java.util.Set<UUID> asked = new java.util.LinkedHashSet<>(exerciseIds);
        if (!caller.isPatient() || asked.isEmpty()) {
            List<MediaView> all = new java.util.ArrayList<>();
            for (UUID exerciseId : asked) {
                all.addAll(list(caller, exerciseId, language));
            }
            return all;
        }
        java.util.Set<UUID> visible = new java.util.HashSet<>(Plan.getEntityManager().createQuery(
                "select distinct i.exercise.id from PlanItem i "
                        + "where i.plan.patientId = :patient and i.plan.status <> :draft", UUID.class)
                .setParameter("patient", caller.id()).setParameter("draft", Plan.Status.DRAFT).getResultList());
        asked.stream().filter(id -> !visible.contains(id)).findFirst().ifPresent(id -> {
            throw ProblemException.notFound("Exercise " + id);
        });
        java.util.Map<UUID, List<MediaView>> byEntry = new java.util.LinkedHashMap<>();
        asked.forEach(id -> byEntry.put(id, new java.util.ArrayList<>()));
        for (ExerciseMedia.Listed m : ExerciseMedia.listedOfPatient(caller.id())) {
            List<MediaView> entry = byEntry.get(m.exerciseId());
            if (entry == null) {
                continue; // an entry of the patient's plans not asked for
            }
            entry.add(new MediaView(m.id(), m.exerciseId(), m.kind(), m.contentType(),
                    m.sizeBytes(), m.sha256(), m.width(), m.height(), translations.alt(m.description(),
                    m.seedFile() != null && m.clinicEntry(), language), m.position(), m.seedFile() != null,
                    "/api/media/" + m.id()));
        }
        return byEntry.values().stream().flatMap(List::stream).toList();
    }

    /** One media item, for someone who may see its entry; anyone else gets 404, as for an unknown id. */
    @Transactional
    public ExerciseMedia media(CurrentUser caller, UUID mediaId) {
        return ExerciseMedia.<ExerciseMedia>findByIdOptional(mediaId).filter(m -> visible(caller, m.exercise))
                .orElseThrow(() -> ProblemException.notFound("Media " + mediaId));
    }

    /**
     * Who may see an entry's media: a therapist who may use the entry (the clinic's, or their own) or whose care team
     * has a plan with it; a patient with an assigned (not draft) plan that has it. Nobody else, and no admin.
     */
    static boolean visible(CurrentUser caller, Exercise exercise) {
        if (caller.isTherapist()) {
            return exercise.usableBy(caller.id()) || Plan.getEntityManager().createQuery(
                    "select count(i) from PlanItem i where i.exercise.id = :exercise and exists (select 1 from "
                            + "CareTeamMember c where c.key.patientId = i.plan.patientId "
                            + "and c.key.therapistId = :therapist)", Long.class)
                    .setParameter("exercise", exercise.id).setParameter("therapist", caller.id())
                    .getSingleResult() > 0;
        }
        if (caller.isPatient()) {
            return Plan.getEntityManager().createQuery(
                    "select count(i) from PlanItem i where i.exercise.id = :exercise and i.plan.patientId = :patient "
                            + "and i.plan.status <> :draft", Long.class)
                    .setParameter("exercise", exercise.id).setParameter("patient", caller.id())
                    .setParameter("draft", Plan.Status.DRAFT).getSingleResult() > 0;
        }
        return false;
    }

    private static Exercise owned(CurrentUser therapist, UUID exerciseId) {
        Exercise exercise = Exercise.<Exercise>findByIdOptional(exerciseId)
                .orElseThrow(() -> ProblemException.notFound("Exercise " + exerciseId));
        if (exercise.ownerTherapistId == null) {
            if (!exercise.usableBy(therapist.id())) {
                throw ProblemException.notFound("Exercise " + exerciseId);
            }
            throw new ProblemException(403, "seeded-entry", "Not allowed",
                    "Seeded library entries are illustrated by the clinic's library; add media to your own entries");
        }
        if (!exercise.ownerTherapistId.equals(therapist.id())) {
            throw ProblemException.notFound("Exercise " + exerciseId);
        }
        return exercise;
    }

    /** Refuses (413) a body longer than the kind allows, as soon as the first byte too many arrives. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ProblemException(413, "media-too-large", "Media too large",
                        "This file is larger than the " + limit / (1024 * 1024) + " MB allowed");
            }
        }
    }
}
