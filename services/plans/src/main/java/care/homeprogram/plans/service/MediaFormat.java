package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.plans.domain.ExerciseMedia.Kind;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The formats a library entry's media may have, recognised from their first bytes (magic numbers), never from a file
 * name or a Content-Type header: a renamed executable is none of them. Raster images report their dimensions from
 * their header, so an image too large to draw is refused before it is stored.
 */
public enum MediaFormat {
    PNG("image/png", Kind.IMAGE),
    JPEG("image/jpeg", Kind.IMAGE),
    WEBP("image/webp", Kind.IMAGE),
    SVG("image/svg+xml", Kind.IMAGE),
    MP4("video/mp4", Kind.VIDEO),
    WEBM("video/webm", Kind.VIDEO);

    /** A side of at most 8192 px and at most 40 megapixels: what a phone screen or an A4 page can use, and more. */
    public static final int MAX_SIDE = 8192;
    public static final long MAX_PIXELS = 40_000_000L;

    /** An SVG's start; a document type naming svg counts too, so that its DTD is refused as unsafe, not unknown. */
    private static final Pattern SVG_START = Pattern.compile(
            "^\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*(<!DOCTYPE\\s+svg\\b|<svg[\\s>/])",
            Pattern.DOTALL);

    public final String contentType;
    public final Kind kind;

    MediaFormat(String contentType, Kind kind) {
        this.contentType = contentType;
        this.kind = kind;
    }

    /** Width and height in pixels; null for formats without them (SVG, video). */
    public record Dimensions(int width, int height) {
    }

    /** The format of content starting with {@code head} (its first bytes, as many as were sent, up to a chunk). */
    public static MediaFormat detect(byte[] head, int length) {
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p')) {
            return MP4;
        }
        if (startsWith(head, length, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return WEBM;
        }
        if (looksLikeSvg(head, length)) {
            return SVG;
        }
        return null;
    }

    /**
     * The format of an upload meant as {@code kind}: anything else is refused (415), whatever its name or declared
     * type said.
     */
    public static MediaFormat require(Kind kind, byte[] head, int length) {
        MediaFormat format = detect(head, length);
        if (format == null || format.kind != kind) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    kind == Kind.IMAGE ? "An image must be a PNG, JPEG, WebP or SVG file (recognised from its content)"
                            : "A video must be an MP4 or WebM file (recognised from its content)");
        }
        return format;
    }

    /**
     * Checks what the header says: raster dimensions within bounds, a container whose first structure is what its
     * format requires. Returns the dimensions (null for SVG and video).
     */
    public Dimensions checkHeader(byte[] head, int length) {
        return switch (this) {
            case PNG -> bounded(pngDimensions(head, length));
            case JPEG -> bounded(jpegDimensions(head, length));
            case WEBP -> bounded(webpDimensions(head, length));
            case MP4 -> {
                Mp4Boxes.checkBrand(head, length);
                yield null;
            }
            case WEBM -> {
                checkWebm(head, length);
                yield null;
            }
            case SVG -> null;
        };
    }

    private static Dimensions bounded(Dimensions d) {
        if (d == null) {
            throw invalid("The image's header does not state its size");
        }
        if (d.width() < 1 || d.height() < 1 || d.width() > MAX_SIDE || d.height() > MAX_SIDE
                || (long) d.width() * d.height() > MAX_PIXELS) {
            throw new ProblemException(400, "image-too-large", "Image dimensions out of bounds",
                    "An image may be at most " + MAX_SIDE + " px on a side and " + MAX_PIXELS / 1_000_000
                            + " megapixels; this one is " + d.width() + " x " + d.height());
        }
        return d;
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-media", "Invalid media file", detail);
    }

    private static Dimensions pngDimensions(byte[] b, int n) {
        if (n < 24 || !startsWith(b, n, 12, 'I', 'H', 'D', 'R')) {
            return null;
        }
        return new Dimensions(int32(b, 16), int32(b, 20));
    }

    /** Walks the JPEG's segments to its frame header (SOFn), which holds height and width. */
    private static Dimensions jpegDimensions(byte[] b, int n) {
        int i = 2;
        while (i + 3 < n) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // no length
                continue;
            }
            int segment = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean frameHeader = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (frameHeader) {
                if (i + 8 >= n) {
                    return null;
                }
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new Dimensions(width, height);
            }
            if (marker == 0xDA || segment < 2) {
                return null; // image data before any frame header
            }
            i += 2 + segment;
        }
        return null;
    }

    private static Dimensions webpDimensions(byte[] b, int n) {
        if (n < 30) {
            return null;
        }
        if (startsWith(b, n, 12, 'V', 'P', '8', ' ')) {
            if (!startsWith(b, n, 23, 0x9D, 0x01, 0x2A)) {
                return null;
            }
            return new Dimensions(((b[26] & 0xFF) | (b[27] & 0xFF) << 8) & 0x3FFF,
                    ((b[28] & 0xFF) | (b[29] & 0xFF) << 8) & 0x3FFF);
        }
        if (startsWith(b, n, 12, 'V', 'P', '8', 'L')) {
            if ((b[20] & 0xFF) != 0x2F) {
                return null;
            }
            long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
            return new Dimensions((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, n, 12, 'V', 'P', '8', 'X')) {
            return new Dimensions(int24le(b, 24) + 1, int24le(b, 27) + 1);
        }
        return null;
    }

    /** An EBML header declaring the "webm" document type, followed by the Segment that holds the video. */
    private static void checkWebm(byte[] b, int n) {
        if (n < 5) {
            throw invalid("The WebM header is incomplete");
        }
        int sizeLength = Integer.numberOfLeadingZeros(b[4] & 0xFF) - 23;
        if (sizeLength < 1 || sizeLength > 8 || 4 + sizeLength > n) {
            throw invalid("The WebM header is malformed");
        }
        long size = (b[4] & 0xFF) & (0xFF >> sizeLength);
        for (int k = 1; k < sizeLength; k++) {
            size = (size << 8) | (b[4 + k] & 0xFF);
        }
        long segmentAt = 4L + sizeLength + size;
        if (segmentAt + 4 > n) {
            throw invalid("The WebM header is malformed");
        }
        String header = new String(b, 4 + sizeLength, (int) size, StandardCharsets.ISO_8859_1);
        if (!header.contains("webm")) {
            throw invalid("The file is a Matroska container, not WebM");
        }
        if (!startsWith(b, n, (int) segmentAt, 0x18, 0x53, 0x80, 0x67)) {
            throw invalid("The WebM file has no segment after its header");
        }
    }

    private static boolean looksLikeSvg(byte[] b, int n) {
        int start = startsWith(b, n, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text = new String(b, start, Math.min(n - start, 4096), StandardCharsets.UTF_8);
        return SVG_START.matcher(text).find();
    }

    static boolean startsWith(byte[] b, int n, int at, int... expected) {
        if (at < 0 || at + expected.length > n) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if ((b[at + k] & 0xFF) != expected[k]) {
                return false;
            }
        }
        return true;
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int int24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
