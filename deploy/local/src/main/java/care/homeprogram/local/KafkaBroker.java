package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), in a child JVM so
 * its Scala, Jackson and logging jars never meet the caller's classpath.
 * <p>
 * Every client authenticates (SASL; {@link KafkaUser}) and is authorised by ACLs (StandardAuthorizer, nothing
 * allowed without an ACL): each service writes only the topics it produces and reads only those it consumes
 * (docs/events.md#who-may-write-and-read-which-topic). A forged {@code CareTeamChanged} on patient-events would
 * grant a therapist access to a patient in plan-service, so only patient-service may write there.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The topics of docs/events.md with their partition counts; dead-letter topics keep poison messages. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "patient-events", 3,
            "plan-events", 3,
            "patient-events-dlq", 1,
            "plan-events-dlq", 1);

    /** The broker's heap: part of its AOT cache's key, as the JVM's options are. */
    private static final List<String> HEAP = List.of("-Xms128m", "-Xmx512m");

    private final ChildProcess process;
    private final int port;
    private final AotCache.Decision aot;

    private KafkaBroker(ChildProcess process, int port, AotCache.Decision aot) {
        this.process = process;
        this.port = port;
        this.aot = aot;
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
        Path config = writeConfig(directory, port, controllerPort);
        String classpath = KeycloakServer.resourceText("/homeprogram/kafka.classpath").trim();
        if (!formatted) {
            format(classpath, config, directory);
        }
        // A JDK AOT cache of the broker's classes, as for the services: trained by the first durable start, kept in the
        // data folder (docs/deploy.md, "Start-up of the local run").
        AotCache.Decision aot = AotCache.decideForClassPath(directory.resolve("aot"), classpath, HEAP,
                storage == Storage.DURABLE ? AotCache.Policy.TRAIN_IF_MISSING : AotCache.Policy.USE_IF_PRESENT);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(HEAP);
        command.addAll(aot.jvmOptions());
        command.addAll(List.of(DataFolder.ownerOption(workDirectory), "-cp", classpath, "kafka.Kafka",
                config.toString()));
        Progress.say("starting Kafka (KRaft) on port " + port + (formatted ? " (existing log)" : "") + switch (aot) {
            case AotCache.Decision.Use use -> " from its AOT cache " + use.cache().getFileName();
            case AotCache.Decision.Train train -> " (no AOT cache for this build yet: it writes one when it stops)";
            case AotCache.Decision.None none -> "";
        });
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), directory,
                workDirectory.resolve("kafka.log"),
                aot instanceof AotCache.Decision.Train ? Duration.ofMinutes(10) : ChildProcess.STOP_GRACE);
        KafkaBroker broker = new KafkaBroker(process, port, aot);
        process.awaitReady(broker::answers, Duration.ofMinutes(2));
        // At every start, not only at format: a log formatted by an earlier version has no SCRAM credentials.
        upsertScramCredentials(broker.bootstrapServers());
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

    /**
     * Creates the platform's topics under a prefix (tests isolate themselves that way) and the ACLs that let each
     * service use them as docs/events.md says; existing topics and ACLs stay. A non-empty prefix (a test run) also
     * lets {@link KafkaUser#TESTS} publish and read its topics, as test code acts as the other services.
     */
    public static void createTopics(String bootstrapServers, String prefix) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createAcls(acls(prefix)).all().get(30, TimeUnit.SECONDS);
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

    /**
     * What each user may do on the topics of one prefix. WRITE implies the right to an idempotent producer id
     * (Kafka 3.2+), which the outbox relay uses; READ implies DESCRIBE.
     */
    static List<AclBinding> acls(String prefix) {
        List<AclBinding> acls = new ArrayList<>();
        String patientEvents = prefix + "patient-events";
        String planEvents = prefix + "plan-events";
        // patient-service: produces patient-events, consumes nothing.
        topic(acls, KafkaUser.PATIENTS, patientEvents, AclOperation.WRITE, AclOperation.DESCRIBE);
        // plan-service: consumes patient-events (its care teams: its authorisation data), produces plan-events,
        // dead-letters to patient-events-dlq and reads it back for an admin's replay.
        topic(acls, KafkaUser.PLANS, patientEvents, AclOperation.READ);
        topic(acls, KafkaUser.PLANS, planEvents, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, KafkaUser.PLANS, patientEvents + "-dlq", AclOperation.WRITE, AclOperation.READ);
        // notification-service: consumes both, produces nothing but its dead letters.
        for (String topic : List.of(patientEvents, planEvents)) {
            topic(acls, KafkaUser.NOTIFICATIONS, topic, AclOperation.READ);
            topic(acls, KafkaUser.NOTIFICATIONS, topic + "-dlq", AclOperation.WRITE, AclOperation.READ);
        }
        if (!prefix.isEmpty()) {
            for (String topic : TOPICS.keySet()) {
                topic(acls, KafkaUser.TESTS, prefix + topic, AclOperation.WRITE, AclOperation.READ);
            }
        }
        return acls;
    }

    /** The consumer groups of every user: a service's own (and its replay reader's), the tests' readers. */
    private static List<AclBinding> groupAcls() {
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaUser service : List.of(KafkaUser.PLANS, KafkaUser.NOTIFICATIONS)) {
            for (String group : List.of(service.username(), service.username() + ".dead-letter-replay")) {
                acls.add(allow(service, new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
                        AclOperation.READ));
            }
        }
        acls.add(allow(KafkaUser.TESTS, new ResourcePattern(ResourceType.GROUP, KafkaUser.TESTS.username() + ".",
                PatternType.PREFIXED), AclOperation.READ));
        return acls;
    }

    private static void topic(List<AclBinding> acls, KafkaUser user, String topic, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
        }
    }

    private static AclBinding allow(KafkaUser user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user.username(), "*", operation,
                AclPermissionType.ALLOW));
    }

    /** Creates or replaces the SCRAM credentials of every SCRAM user, and the groups' ACLs. */
    private static void upsertScramCredentials(String bootstrapServers) {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (KafkaUser user : KafkaUser.values()) {
            if (user.mechanism().equals("SCRAM-SHA-512")) {
                upserts.add(new UserScramCredentialUpsertion(user.username(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.demoPassword()));
            }
        }
        try (Admin admin = admin(bootstrapServers)) {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(groupAcls()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create the Kafka users on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Client properties that reach the broker as {@code user}. */
    public static Properties clientProperties(String bootstrapServers, KafkaUser user) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.putAll(user.clientSettings());
        return properties;
    }

    private boolean answers() {
        try (Admin admin = admin(bootstrapServers())) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** An admin client of the super user: for the launcher's work and for tests that observe the broker. */
    public static Admin admin(String bootstrapServers) {
        Properties properties = clientProperties(bootstrapServers, KafkaUser.ADMIN);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    private static Path writeConfig(Path directory, int port, int controllerPort) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        // No unauthenticated listener, the controller's included: SASL over plain TCP on the loopback interface
        // (TLS would protect nothing a local attacker could not read from this folder anyway). The services use
        // SCRAM-SHA-512 users; the super user is a static PLAIN user, also the broker's identity to its controller.
        settings.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        settings.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        settings.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        settings.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        settings.put("sasl.mechanism.controller.protocol", "PLAIN");
        String admin = KafkaUser.ADMIN.username();
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + KafkaUser.ADMIN.demoPassword() + "\" user_" + admin + "=\""
                + KafkaUser.ADMIN.demoPassword() + "\";";
        settings.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plain);
        settings.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        settings.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        settings.put("listener.name.controller.plain.sasl.jaas.config", plain);
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("super.users", "User:" + admin);
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

    /**
     * A new cluster id as {@code kafka-storage random-uuid} makes it: Kafka's {@link Uuid#randomUuid()} never starts
     * with '-'. A plain base64url of 16 random bytes does once in 64 starts, and the storage tool's argument parser
     * then reads it as an option ("argument --cluster-id/-t: expected one argument"): a stack that failed to start.
     */
    static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    private static void format(String classpath, Path config, Path directory) {
        String clusterId = newClusterId();
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
        if (aot instanceof AotCache.Decision.Train train && process.isAlive()) {
            Progress.say("stopping Kafka, which writes its AOT cache for the next start (once per build)");
            process.close();
            AotCache.keepAndSay("Kafka", train);
            return;
        }
        process.close();
    }
}
