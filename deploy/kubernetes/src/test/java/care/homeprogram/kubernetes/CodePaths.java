package care.homeprogram.kubernetes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The network paths the services' code uses, read from their sources (not from the manifests): the REST clients
 * (each {@code @RegisterRestClient(configKey = ...)} and its {@code quarkus.rest-client.<key>.url}), the Kafka
 * topics each consumes ({@code mp.messaging.incoming.<channel>.topic}) and produces (the outbox's event topics,
 * the {@code TOPIC} constants of its events package), and their dead-letter topics ({@code <topic>-dlq}, written on a
 * poison message and read back for an admin's replay: commons DeadLetters).
 */
final class CodePaths {
    private static final Pattern REGISTER = Pattern.compile("@RegisterRestClient\\(\\s*configKey\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile(
            "public static final String TOPIC\\s*=\\s*\"([a-z0-9.-]+)\"");
    private static final Pattern CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.\"?([a-z0-9-]+)\"?\\.url");
    /** {@code outbox.append(PlanEvents.X, …)}, or an {@code EventType<PlanEvents.Y>} chosen before appending. */
    private static final Pattern APPENDED_EVENTS = Pattern.compile(
            "(?:outbox\\.append\\(\\s*|EventType<)(\\w+Events)\\.");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z0-9-]+)\\.topic");

    /** A REST client of a service: its config key, the service it calls and that service's port (from its URL). */
    record RestClient(String caller, String configKey, String callee, int port) {
    }

    private CodePaths() {
    }

    static List<RestClient> restClients() {
        List<RestClient> clients = new ArrayList<>();
        for (Layout.ServiceModule service : Layout.SERVICES) {
            Properties properties = applicationProperties(service);
            Set<String> registered = registeredConfigKeys(service);
            Set<String> configured = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                Matcher url = CLIENT_URL.matcher(key);
                if (url.matches()) {
                    configured.add(url.group(1));
                }
            }
            if (!registered.equals(configured)) {
                throw new AssertionError(service.name() + ": REST clients registered " + registered
                        + " but URLs configured for " + configured + " (application.properties, without a profile)");
            }
            for (String key : registered) {
                URI url = URI.create(properties.getProperty("quarkus.rest-client." + key + ".url"));
                Layout.ServiceModule callee = Layout.SERVICES.stream().filter(s -> s.port() == url.getPort())
                        .findFirst().orElseThrow(() -> new AssertionError(service.name() + "'s REST client " + key
                                + " calls " + url + ", the port of no service"));
                if (!callee.name().equals(key)) {
                    throw new AssertionError(service.name() + "'s REST client " + key + " calls " + url
                            + ", the port of " + callee.name() + ": name the client after the service it calls");
                }
                clients.add(new RestClient(service.name(), key, callee.name(), callee.port()));
            }
        }
        return clients;
    }

    /** The topics a service consumes, without the topic prefix (the local stack's per-test isolation). */
    static Set<String> consumed(Layout.ServiceModule service) {
        Properties properties = applicationProperties(service);
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (INCOMING_TOPIC.matcher(key).matches()) {
                topics.add(properties.getProperty(key).replaceAll("^\\$\\{[^}]*}", ""));
            }
        }
        return topics;
    }

    /**
     * The event topics a service's outbox publishes: the TOPIC constant of each event contract class
     * ({@code services/contract}, {@code care.homeprogram.contract.events}) whose events its sources append.
     */
    static Set<String> produced(Layout.ServiceModule service) {
        Set<String> topics = new TreeSet<>();
        javaSources(service).forEach(source -> {
            Matcher appended = APPENDED_EVENTS.matcher(Repository.read(source));
            while (appended.find()) {
                String contract = "services/contract/src/main/java/care/homeprogram/contract/events/"
                        + appended.group(1) + ".java";
                Matcher topic = TOPIC_CONSTANT.matcher(Repository.read(Repository.root().resolve(contract)));
                if (!topic.find()) {
                    throw new AssertionError(contract + " has no TOPIC constant");
                }
                topics.add(topic.group(1));
            }
        });
        return topics;
    }

    static Set<String> deadLetters(Layout.ServiceModule service) {
        Set<String> topics = new TreeSet<>();
        consumed(service).forEach(topic -> topics.add(topic + "-dlq"));
        return topics;
    }

    /** What the service's Kafka user must be allowed to write: its events and its dead letters. */
    static Set<String> writes(Layout.ServiceModule service) {
        Set<String> topics = new TreeSet<>(produced(service));
        topics.addAll(deadLetters(service));
        return topics;
    }

    /** What it must be allowed to read: the topics it consumes and its dead letters (replay). */
    static Set<String> reads(Layout.ServiceModule service) {
        Set<String> topics = new TreeSet<>(consumed(service));
        topics.addAll(deadLetters(service));
        return topics;
    }

    static boolean usesKafka(Layout.ServiceModule service) {
        return !writes(service).isEmpty() || !reads(service).isEmpty();
    }

    static Properties applicationProperties(Layout.ServiceModule service) {
        Path file = module(service).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (StringReader reader = new StringReader(Repository.read(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> registeredConfigKeys(Layout.ServiceModule service) {
        Set<String> keys = new TreeSet<>();
        javaSources(service).forEach(source -> {
            Matcher matcher = REGISTER.matcher(Repository.read(source));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        });
        return keys;
    }

    private static List<Path> javaSources(Layout.ServiceModule service) {
        try (Stream<Path> walk = Files.walk(module(service).resolve("src/main/java"))) {
            return walk.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path module(Layout.ServiceModule service) {
        return Repository.root().resolve("services").resolve(service.directory());
    }
}
