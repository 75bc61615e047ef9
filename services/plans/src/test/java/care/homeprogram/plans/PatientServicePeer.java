package care.homeprogram.plans;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * patient-service as plan-service's tests need it, speaking its real HTTP contract for the one call plan-service
 * makes at activation: {@code GET /api/patients/{id}/intake} with the caller's bearer token (401 without one). Every
 * patient is screened without flags unless a test says otherwise: never screened, flagged, or patient-service down
 * (503 to everything, as a failing neighbour answers). Every other path answers 503, so exports see patient-service
 * as unavailable, as they did before this peer existed, except {@code GET /api/patients/{id}} for a patient a test
 * gave a preferred language ({@link #prefers}). The journeys run the real patient-service.
 *
 * <p>Declared for every test of this module (not restricted to one class), so one peer serves the whole test JVM.
 */
@QuarkusTestResource(PatientServicePeer.class)
public class PatientServicePeer implements QuarkusTestResourceLifecycleManager {
    private static final Pattern INTAKE = Pattern.compile("/api/patients/([0-9a-f-]{36})/intake");
    private static final Pattern PATIENT = Pattern.compile("/api/patients/([0-9a-f-]{36})");
    private static final Map<UUID, Optional<String>> LANGUAGES = new ConcurrentHashMap<>();
    private static final Set<UUID> NEVER_SCREENED = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, List<String>> FLAGS = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private HttpServer server;

    /** The patient has no intake screening yet. */
    static void neverScreened(UUID patient) {
        NEVER_SCREENED.add(patient);
    }

    /** The patient's screen flagged these, needing a therapist's sign-off. */
    static void flagged(UUID patient, List<String> flags) {
        NEVER_SCREENED.remove(patient);
        FLAGS.put(patient, flags);
    }

    /**
     * patient-service has the patient's record, with this preferred language (null: none): it answers
     * {@code GET /api/patients/{id}} for them until {@link #forget}; for anyone else that path stays 503.
     */
    static void prefers(UUID patient, String preferredLanguage) {
        LANGUAGES.put(patient, Optional.ofNullable(preferredLanguage));
    }

    static void forget(UUID patient) {
        LANGUAGES.remove(patient);
    }

    /** patient-service answers nothing but 503 until {@link #up()}. */
    static void down() {
        down = true;
    }

    static void up() {
        down = false;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the patient-service peer", e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.patient-service.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher intake = INTAKE.matcher(exchange.getRequestURI().getPath());
            Matcher patient = PATIENT.matcher(exchange.getRequestURI().getPath());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean known = patient.matches() && LANGUAGES.containsKey(UUID.fromString(patient.group(1)));
            if (known && !down && "GET".equals(exchange.getRequestMethod())) {
                if (authorization == null || !authorization.startsWith("Bearer ")) {
                    send(exchange, 401, "{\"status\": 401, \"title\": \"Unauthorized\"}");
                } else {
                    send(exchange, 200, patientOf(UUID.fromString(patient.group(1))));
                }
            } else if (down || !intake.matches() || !"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 503, "{\"status\": 503, \"title\": \"Service unavailable\"}");
            } else if (authorization == null || !authorization.startsWith("Bearer ")) {
                send(exchange, 401, "{\"status\": 401, \"title\": \"Unauthorized\"}");
            } else {
                send(exchange, 200, intakeOf(UUID.fromString(intake.group(1))));
            }
        }
    }

    /** The patient's record as patient-service answers it (the fields plan-service reads). */
    private static String patientOf(UUID patient) {
        String language = LANGUAGES.get(patient).map(l -> "\"" + l + "\"").orElse("null");
        return "{\"id\": \"" + patient + "\", \"firstName\": \"Test\", \"lastName\": \"Patient\", "
                + "\"email\": null, \"birthDate\": null, \"preferredLanguage\": " + language + "}";
    }

    private static String intakeOf(UUID patient) {
        if (NEVER_SCREENED.contains(patient)) {
            return "{\"patientId\": \"" + patient + "\", \"flags\": [], \"requiresSignOff\": false, "
                    + "\"screenedAt\": null, \"screenedBy\": null}";
        }
        List<String> flags = FLAGS.getOrDefault(patient, List.of());
        return "{\"patientId\": \"" + patient + "\", \"flags\": [" + flags.stream().map(f -> "\"" + f + "\"")
                .collect(Collectors.joining(", ")) + "], \"requiresSignOff\": " + !flags.isEmpty()
                + ", \"screenedAt\": \"" + OffsetDateTime.now().minusDays(1) + "\", \"screenedBy\": null}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
