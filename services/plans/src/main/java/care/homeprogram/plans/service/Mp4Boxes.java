package care.homeprogram.plans.service;

import java.util.HashSet;
import java.util.Set;

/**
 * Follows an MP4's top-level boxes as its bytes stream past: each box header (size, type) must be well formed and the
 * boxes must end exactly where the file ends, with an {@code ftyp} first and a {@code moov} (the index a player needs)
 * somewhere. A file that is something else with "ftyp" at byte 4, or cut short, is refused.
 */
final class Mp4Boxes {
    /** Brands of the ISO base media file family that browsers play as video/mp4; QuickTime ("qt  ") is not one. */
    private static final Set<String> BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "mmp4", "msnv", "av01", "hvc1", "hev1", "cmfc", "cmf2");

    private final byte[] header = new byte[16];
    private int headerFilled;
    private long position;
    private long nextBoxAt;
    private boolean openEnded;
    private final Set<String> types = new HashSet<>();
    private String first;

    static void checkBrand(byte[] b, int n) {
        if (n < 12) {
            throw MediaFormat.invalid("The MP4 header is incomplete");
        }
        String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!BRANDS.contains(brand)) {
            throw MediaFormat.invalid("The MP4 brand '" + brand.strip() + "' is not a web video format");
        }
    }

    void update(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && !openEnded) {
            if (position < nextBoxAt) {
                long skip = Math.min(nextBoxAt - position, end - i);
                i += (int) skip;
                position += skip;
                continue;
            }
            header[headerFilled++] = bytes[i++];
            position++;
            boxHeaderComplete();
        }
        position += end - i; // the rest of an open-ended last box
    }

    private void boxHeaderComplete() {
        if (headerFilled < 8) {
            return;
        }
        long size = MediaFormat.int32(header, 0) & 0xFFFFFFFFL;
        if (size == 1 && headerFilled < 16) {
            return; // a 64-bit size follows
        }
        String type = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw MediaFormat.invalid("The MP4 file's boxes are malformed");
        }
        long boxStart = position - headerFilled;
        if (size == 1) {
            size = (MediaFormat.int32(header, 8) & 0xFFFFFFFFL) << 32 | (MediaFormat.int32(header, 12) & 0xFFFFFFFFL);
        }
        if (size == 0) {
            openEnded = true; // the last box runs to the end of the file
        } else if (size < headerFilled) {
            throw MediaFormat.invalid("The MP4 file's boxes are malformed");
        }
        if (first == null) {
            first = type;
        }
        types.add(type);
        nextBoxAt = boxStart + size;
        headerFilled = 0;
    }

    /** At the end of the file: the boxes fill it exactly, starting with ftyp and holding a moov. */
    void finish() {
        if (!"ftyp".equals(first) || !types.contains("moov")
                || (!openEnded && (headerFilled != 0 || position != nextBoxAt))) {
            throw MediaFormat.invalid("The MP4 file is incomplete or malformed (its boxes do not add up, or it has "
                    + "no movie header)");
        }
    }
}
