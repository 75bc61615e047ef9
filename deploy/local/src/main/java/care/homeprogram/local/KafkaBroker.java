package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), in a child JVM so
 * its Scala, Jackson and logging jars never meet the caller's classpath.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The topics of docs/events.md with their partition counts; dead-letter topics keep poison messages. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "patient-events", 3,
            "plan-events", 3,
            "patient-events-dlq", 1,
            "plan-events-dlq", 1);

    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param storage {@link Storage#DURABLE} keeps the log (and the cluster id formatted into it) between starts;
     *                after an unclean stop the broker recovers its log segments itself. {@link Storage#EPHEMERAL}
     *                formats a new cluster each start.
     */
    public static KafkaBroker start(int port, int controllerPort, Path workDirectory, Storage storage) {
        Instant start = Instant.now();
        Path directory = workDirectory.resolve("kafka");
        Path data = directory.resolve("data");
        if (storage == Storage.EPHEMERAL) {
            deleteRecursively(data);
        }
        boolean formatted = Files.exists(data.resolve("meta.properties"));
        Progress.say("starting Kafka (KRaft) on port " + port + (formatted ? " (existing log)" : ""));
        Path config = writeConfig(directory, port, controllerPort);
        String classpath = KeycloakServer.resourceText("/homeprogram/kafka.classpath").trim();
        if (!formatted) {
            format(classpath, config, directory);
        }
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xms128m", "-Xmx512m",
                DataFolder.ownerOption(workDirectory), "-cp", classpath, "kafka.Kafka", config.toString());
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), directory,
                workDirectory.resolve("kafka.log"));
        KafkaBroker broker = new KafkaBroker(process, port);
        process.awaitReady(broker::answers, Duration.ofMinutes(2));
        broker.createTopics("");
        Progress.say("Kafka ready on port " + port + " in " + Progress.since(start));
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers(port);
    }

    public static String bootstrapServers(int port) {
        return "localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public void createTopics(String prefix) {
        createTopics(bootstrapServers(), prefix);
    }

    /** Creates the platform's topics under a prefix (tests isolate themselves that way); existing ones stay. */
    public static void createTopics(String bootstrapServers, String prefix) {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            TOPICS.forEach((name, partitions) -> {
                if (!existing.contains(prefix + name)) {
                    missing.add(new NewTopic(prefix + name, partitions, (short) 1));
                }
            });
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Admin admin = admin(bootstrapServers())) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    private static Path writeConfig(Path directory, int port, int controllerPort) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", directory.resolve("data").toString());
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "false");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // A single node: every acknowledged write is flushed before the ack, so a broker crash loses nothing acked.
        settings.put("log.flush.interval.messages", "1");
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties");
            Files.writeString(config, settings.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Kafka configuration", e);
        }
    }

    private static void format(String classpath, Path config, Path directory) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        try {
            Process format = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp", classpath,
                    "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("format.log").toFile())
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed: "
                        + Files.readString(directory.resolve("format.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not format the Kafka storage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the Kafka data of an earlier run: " + directory, e);
        }
    }

    /** Ends the broker the hard way (for crash tests); {@link #close()} stops it cleanly. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
