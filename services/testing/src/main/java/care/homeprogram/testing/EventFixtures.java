package care.homeprogram.testing;

import care.homeprogram.local.Repository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The event contract's shared fixture directory ({@code services/contract/fixtures/events/<topic>/<type>.json}): one
 * real event per type, as its producer's own code wrote it to the outbox in that producer's tests. Consumers' tests
 * feed every fixture of the topics they read to the real consumer, so what a producer emits is what each consumer is
 * proven to parse.
 *
 * <p>A producer's test compares each event it produced with the fixture by <em>shape</em> (every field path and the
 * kind of its value; ids and times differ from run to run) and fails when they differ: the fixture is then stale and
 * the consumers are tested against something the producer no longer sends. Rewrite the producer's fixtures with
 * {@code -Dhomeprogram.event-fixtures=write} and run the consumers' contract tests.
 */
public final class EventFixtures {
    /** Set to {@code write} to record the producer's events as the fixtures instead of comparing them. */
    public static final String MODE = "homeprogram.event-fixtures";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EventFixtures() {
    }

    public static Path directory() {
        return Repository.root().resolve("services/contract/fixtures/events");
    }

    public static Path file(String topic, String type) {
        return directory().resolve(topic).resolve(type + ".json");
    }

    /** The fixture of one event type, if its producer recorded one. */
    public static Optional<JsonNode> read(String topic, String type) {
        Path file = file(topic, type);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event fixture " + file, e);
        }
    }

    /**
     * Producer side: checks a real envelope from the producer's outbox against its fixture, or records it with
     * {@code -Dhomeprogram.event-fixtures=write}.
     *
     * @return null when they agree (or it was recorded), else what differs, naming the file and how to refresh it
     */
    public static String compareOrRecord(String topic, JsonNode envelope) {
        String type = envelope.path("type").asText();
        Path file = file(topic, type);
        if ("write".equals(System.getProperty(MODE))) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(envelope) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        Optional<JsonNode> fixture = read(topic, type);
        if (fixture.isEmpty()) {
            return type + ": no fixture at " + directory().relativize(file) + "; record it with -D" + MODE + "=write";
        }
        TreeSet<String> produced = shape(envelope);
        TreeSet<String> recorded = shape(fixture.get());
        if (produced.equals(recorded) && envelope.path("version").equals(fixture.get().path("version"))) {
            return null;
        }
        TreeSet<String> missing = new TreeSet<>(recorded);
        missing.removeAll(produced);
        TreeSet<String> added = new TreeSet<>(produced);
        added.removeAll(recorded);
        return type + ": the producer's event (version " + envelope.path("version") + ") differs from its fixture"
                + " (version " + fixture.get().path("version") + "): not produced any more " + missing
                + ", new " + added + "; if intended, rewrite it with -D" + MODE + "=write and run the consumers'"
                + " contract tests";
    }

    /**
     * Consumer side: the fixture as a new event, with a fresh id (consumers deduplicate on it) and occurredAt, and
     * optionally another envelope version.
     */
    public static String fresh(JsonNode fixture, UUID id, OffsetDateTime occurredAt, Integer version) {
        ObjectNode envelope = fixture.deepCopy();
        envelope.put("id", id.toString());
        envelope.put("occurredAt", occurredAt.toString());
        if (version != null) {
            envelope.put("version", version);
        }
        return envelope.toString();
    }

    /** Every field path with the kind of its value, e.g. {@code data.therapistIds[]:string}. */
    static TreeSet<String> shape(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        shape("", node, paths);
        return paths;
    }

    private static void shape(String path, JsonNode node, TreeSet<String> paths) {
        if (node.isObject()) {
            paths.add(path + ":object");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                shape(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), paths);
            }
        } else if (node.isArray()) {
            paths.add(path + ":array");
            node.forEach(element -> shape(path + "[]", element, paths));
        } else {
            paths.add(path + ":" + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
