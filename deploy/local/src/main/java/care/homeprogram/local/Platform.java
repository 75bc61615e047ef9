package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The four services as child JVMs on a stack, started from their packaged quarkus-app. Each gets its
 * configuration in {@code <work>/<service>/config/application.properties}, so no secret shows in a process list.
 */
public final class Platform implements AutoCloseable {
    private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, ServicePorts> ports;
    private final Map<Service, Map<String, String>> configs = new EnumMap<>(Service.class);
    private final Map<Service, Integer> replicas = new EnumMap<>(Service.class);
    private final Path workDirectory;
    private final AotCache.Policy aotPolicy;
    private final Instant launched;
    /** The services writing an AOT cache when they stop, in launch order. */
    private final Map<ChildProcess, AotCache.Decision.Train> trainings = new java.util.LinkedHashMap<>();

    /** Up to 374 s were measured for writing a cache at exit on the loaded shared machine (docs/deploy.md). */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofMinutes(10);

    /**
     * The two ports of one service: the public one (pages, API) and the management interface's (health, metrics,
     * OpenAPI under /q), which the public one does not serve.
     */
    public record ServicePorts(int http, int management) {
    }

    private Platform(Map<Service, ServicePorts> ports, Path workDirectory, AotCache.Policy aotPolicy,
            Instant launched) {
        this.launched = launched;
        this.ports = ports;
        this.workDirectory = workDirectory;
        this.aotPolicy = aotPolicy;
    }

    /**
     * @param databasePrefix prefix of each service's database name, so several platforms can share a PostgreSQL
     * @param demoData       seed the demo patients, therapists and library
     */
    public static Platform start(StackCoordinates stack, Map<Service, ServicePorts> ports, String databasePrefix,
            String topicPrefix, boolean demoData, Path workDirectory) {
        return start(stack, ports, databasePrefix, topicPrefix, demoData, workDirectory,
                java.util.EnumSet.allOf(Service.class));
    }

    /** Only some of the services, e.g. one consumer on a broker of its own for a chaos test. */
    public static Platform start(StackCoordinates stack, Map<Service, ServicePorts> ports, String databasePrefix,
            String topicPrefix, boolean demoData, Path workDirectory, java.util.Set<Service> services) {
        return start(stack, ports, databasePrefix, topicPrefix, demoData, workDirectory, services, Map.of());
    }

    /** @param overrides configuration every service gets on top of its own, e.g. a benchmark's higher rate limits */
    public static Platform start(StackCoordinates stack, Map<Service, ServicePorts> ports, String databasePrefix,
            String topicPrefix, boolean demoData, Path workDirectory, java.util.Set<Service> services,
            Map<String, String> overrides) {
        return start(stack, ports, databasePrefix, topicPrefix, demoData, workDirectory, services, overrides,
                AotCache.Policy.USE_IF_PRESENT);
    }

    /**
     * @param aotPolicy whether a service without an AOT cache for its build writes one when it stops ({@code
     *                  ./homeprogram run}) or only uses one that is there (the tests)
     */
    public static Platform start(StackCoordinates stack, Map<Service, ServicePorts> ports, String databasePrefix,
            String topicPrefix, boolean demoData, Path workDirectory, java.util.Set<Service> services,
            Map<String, String> overrides, AotCache.Policy aotPolicy) {
        Platform platform = launch(stack, ports, databasePrefix, topicPrefix, demoData, workDirectory, services,
                overrides, aotPolicy);
        try {
            if (services.contains(Service.PORTAL)) {
                // Keycloak sends a signed-in person back only to a registered callback: this portal's.
                PortalClient.allow(stack.keycloakUrl(), platform.url(Service.PORTAL));
            }
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        platform.awaitReady();
        return platform;
    }

    /**
     * Starts the services without waiting for them, and without calling Keycloak: the local run starts them while
     * Keycloak boots ({@link Stack#startWhileKeycloakBoots}). {@link #awaitReady()} waits until all answer ready.
     */
    public static Platform launch(StackCoordinates stack, Map<Service, ServicePorts> ports, String databasePrefix,
            String topicPrefix, boolean demoData, Path workDirectory, java.util.Set<Service> services,
            Map<String, String> overrides, AotCache.Policy aotPolicy) {
        Instant start = Instant.now();
        stack.createTopics(topicPrefix);
        Platform platform = new Platform(ports, workDirectory, aotPolicy, start);
        try {
            for (Service service : Service.values()) {
                Map<String, String> config = new java.util.LinkedHashMap<>(
                        ServiceConfig.forService(stack, service, databasePrefix + service.directory(), topicPrefix));
                config.put("quarkus.http.port", Integer.toString(ports.get(service).http()));
                config.put("quarkus.management.port", Integer.toString(ports.get(service).management()));
                config.put("homeprogram.demo-data", Boolean.toString(demoData));
                config.put("homeprogram.portal-url", platform.url(Service.PORTAL));
                if (service == Service.PLANS) {
                    config.put("quarkus.rest-client.patient-service.url", platform.url(Service.PATIENTS));
                    // No router in front of the local run: calendar apps fetch the feed from plan-service directly.
                    config.put("homeprogram.calendar.public-url", platform.url(Service.PLANS));
                }
                if (service == Service.NOTIFICATIONS) {
                    // Browsers bind push subscriptions to the VAPID key: one pair per data folder, kept across runs.
                    VapidKeyPair.ofFolder(workDirectory).configure(config);
                }
                if (service == Service.PORTAL) {
                    // The portal calls all three services with the signed-in person's token.
                    config.put("quarkus.rest-client.patient-service.url", platform.url(Service.PATIENTS));
                    config.put("quarkus.rest-client.plan-service.url", platform.url(Service.PLANS));
                    config.put("quarkus.rest-client.notification-service.url", platform.url(Service.NOTIFICATIONS));
                }
                otlpEndpoint().ifPresent(endpoint -> config.put("homeprogram.otlp.endpoint", endpoint));
                config.putAll(overrides);
                platform.configs.put(service, config);
            }
            // patient-service first: it publishes the demo patients that the others project.
            for (Service service : services) {
                platform.launch(service);
            }
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** Waits until every launched service answers ready; stops them all if one does not. */
    public void awaitReady() {
        try {
            for (Service service : processes.keySet()) {
                awaitReady(service);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        Progress.say("services ready in " + Progress.since(launched));
    }

    /**
     * The OTLP collector the services export their spans to (OTLP over HTTP/protobuf, its base URL, e.g.
     * {@code http://localhost:4318}), when the person running the platform names one in HOMEPROGRAM_OTLP_ENDPOINT;
     * without it the services trace (ids, propagation, correlation ids) but export nothing (docs/runbook.md).
     */
    static java.util.Optional<String> otlpEndpoint() {
        return java.util.Optional.ofNullable(System.getenv("HOMEPROGRAM_OTLP_ENDPOINT")).map(String::trim)
                .filter(endpoint -> !endpoint.isEmpty());
    }

    public static Map<Service, ServicePorts> documentedPorts() {
        return documentedPorts(0);
    }

    /** The documented ports moved by {@code offset}, for a second platform beside the first. */
    public static Map<Service, ServicePorts> documentedPorts(int offset) {
        Map<Service, ServicePorts> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, new ServicePorts(service.documentedPort() + offset,
                    service.documentedManagementPort() + offset));
        }
        return ports;
    }

    public static Map<Service, ServicePorts> freePorts() {
        Map<Service, ServicePorts> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, new ServicePorts(Ports.free(), Ports.free()));
        }
        return ports;
    }

    /** The public address: pages and API. */
    public String url(Service service) {
        return "http://localhost:" + ports.get(service).http();
    }

    /** The management interface: /q/health, /q/metrics, /q/openapi. */
    public String managementUrl(Service service) {
        return "http://localhost:" + ports.get(service).management();
    }

    public long pid(Service service) {
        return processes.get(service).pid();
    }

    /** Starts a stopped or killed service again with the same configuration and waits until it is ready. */
    public void restart(Service service) {
        ChildProcess old = processes.get(service);
        if (old != null && old.isAlive()) {
            old.close();
        }
        launch(service);
        awaitReady(service);
    }

    /** Stops a service without letting it finish anything: a crash, as the rest of the platform sees it. */
    public void kill(Service service) {
        processes.get(service).kill();
    }

    /**
     * One more instance of a service on the same databases and broker, on a port of its own: what a Deployment
     * scaled out to several replicas runs. Closing the replica stops only it.
     */
    public Replica startReplica(Service service) {
        int number = replicas.merge(service, 1, Integer::sum) + 1;
        int port = Ports.free();
        int managementPort = Ports.free();
        Map<String, String> config = new java.util.LinkedHashMap<>(configs.get(service));
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.management.port", Integer.toString(managementPort));
        String name = service.clientId() + "-" + number;
        ChildProcess process = launch(service, name, port, config,
                workDirectory.resolve(service.directory() + "-" + number));
        String url = "http://localhost:" + port;
        String managementUrl = "http://localhost:" + managementPort;
        process.awaitReady(() -> answers200(managementUrl + "/q/health/ready"), Duration.ofMinutes(2));
        return new Replica(name, url, managementUrl, process);
    }

    /**
     * A further instance of a service, started by {@link #startReplica(Service)}: {@code url} is its public address,
     * {@code managementUrl} its management interface.
     */
    public record Replica(String name, String url, String managementUrl, ChildProcess process) implements AutoCloseable {
        /** Stops it without letting it finish anything: a crash, as the rest of the platform sees it. */
        public void kill() {
            process.kill();
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private void launch(Service service) {
        processes.put(service, launch(service, service.clientId(), ports.get(service).http(), configs.get(service),
                workDirectory.resolve(service.directory())));
    }

    private ChildProcess launch(Service service, String name, int port, Map<String, String> config,
            Path directory) {
        Path quarkusApp = Repository.root().resolve("services").resolve(service.directory())
                .resolve("target/quarkus-app");
        Path jar = quarkusApp.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        writeConfig(directory.resolve("config/application.properties"), config);
        AotCache.Decision aot = AotCache.decide(quarkusApp, ServiceJvm.OPTIONS, aotPolicy);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(ServiceJvm.OPTIONS);
        command.addAll(aot.jvmOptions());
        command.addAll(List.of(DataFolder.ownerOption(workDirectory), "-jar", jar.toString()));
        Progress.say("starting " + name + " on port " + port + switch (aot) {
            case AotCache.Decision.Use use -> " from its AOT cache " + use.cache().getFileName();
            case AotCache.Decision.Train train -> " (no AOT cache for this build yet: it writes one when it stops)";
            case AotCache.Decision.None none -> " (" + none.reason() + ")";
        });
        if (aot instanceof AotCache.Decision.Train train) {
            ChildProcess process = ChildProcess.start(name, command, ServiceJvm.ENVIRONMENT, directory,
                    directory.resolve(name + ".log"), TRAINING_STOP_GRACE);
            synchronized (trainings) {
                trainings.put(process, train);
            }
            return process;
        }
        return ChildProcess.start(name, command, ServiceJvm.ENVIRONMENT, directory, directory.resolve(name + ".log"));
    }

    private void awaitReady(Service service) {
        String readiness = managementUrl(service) + "/q/health/ready";
        processes.get(service).awaitReady(() -> answers200(readiness), readyTimeout());
    }

    /**
     * How long a service may take to become ready: 2 minutes, or -Dhomeprogram.ready-timeout=PT5M on a machine shared
     * with other builds, where four JVMs starting at once may need longer without anything being wrong.
     */
    private static Duration readyTimeout() {
        return Duration.parse(System.getProperty("homeprogram.ready-timeout", "PT2M"));
    }

    public static boolean answers200(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void writeConfig(Path file, Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "written by the HomeProgram launcher; demo values only");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void close() {
        List<Service> reversed = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reversed);
        for (Service service : reversed) {
            ChildProcess process = processes.get(service);
            AotCache.Decision.Train training;
            synchronized (trainings) {
                training = trainings.remove(process);
            }
            if (training != null && process.isAlive()) {
                Progress.say("stopping " + service.clientId() + ", which writes its AOT cache for the next start"
                        + " (once per build; seconds on an idle machine, minutes on a loaded one)");
            }
            process.close();
            if (training != null) {
                AotCache.keepAndSay(service.clientId(), training);
            }
        }
    }
}
