package care.homeprogram.plans.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bytes of media, as rows of at most {@link #CHUNK_SIZE} bytes in {@code exercise_media_chunk}: an upload is
 * written a chunk at a time as it arrives (inside the upload's transaction, so an upload cut short leaves nothing),
 * a download read a chunk at a time as the client takes it. At most one chunk is ever in memory per request.
 */
@ApplicationScoped
public class MediaChunks {
    public static final int CHUNK_SIZE = 256 * 1024;

    private final AgroalDataSource dataSource;

    public MediaChunks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A stream writing the media's chunks; to be used inside the transaction that stores the media's row (the data
     * source hands out the transaction's own connection). It counts and hashes what it writes.
     */
    public ChunkWriter writer(UUID mediaId) {
        return new ChunkWriter(mediaId);
    }

    /** Writes bytes {@code from}..{@code to} (inclusive) of the media to {@code out}, a chunk at a time. */
    public void copy(UUID mediaId, long from, long to, OutputStream out) throws IOException {
        int first = (int) (from / CHUNK_SIZE);
        int last = (int) (to / CHUNK_SIZE);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT bytes FROM exercise_media_chunk WHERE media_id = ? AND seq = ?")) {
            for (int seq = first; seq <= last; seq++) {
                select.setObject(1, mediaId);
                select.setInt(2, seq);
                byte[] chunk;
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("media " + mediaId + " lacks chunk " + seq);
                    }
                    chunk = row.getBytes(1);
                }
                long chunkStart = (long) seq * CHUNK_SIZE;
                int offset = (int) Math.max(0, from - chunkStart);
                int end = (int) Math.min(chunk.length, to - chunkStart + 1);
                out.write(chunk, offset, end - offset);
            }
        } catch (SQLException e) {
            throw new IOException("media " + mediaId + " could not be read", e);
        }
    }

    /** Buffers one chunk and inserts it when full (and the last one on {@link #close}). */
    public final class ChunkWriter extends OutputStream {
        private final UUID mediaId;
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private final MessageDigest digest;
        private int filled;
        private int seq;
        private long size;

        private ChunkWriter(UUID mediaId) {
            this.mediaId = mediaId;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, CHUNK_SIZE - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                digest.update(bytes, offset, n);
                filled += n;
                size += n;
                offset += n;
                length -= n;
                if (filled == CHUNK_SIZE) {
                    flushChunk();
                }
            }
        }

        @Override
        public void close() {
            if (filled > 0 || seq == 0) {
                flushChunk();
            }
        }

        public long size() {
            return size;
        }

        public String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        private void flushChunk() {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO exercise_media_chunk (media_id, seq, bytes) VALUES (?, ?, ?)")) {
                insert.setObject(1, mediaId);
                insert.setInt(2, seq++);
                insert.setBytes(3, filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("media " + mediaId + " could not be stored", e));
            }
            filled = 0;
        }
    }
}
