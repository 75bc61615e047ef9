package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for what the Reminder settings page reads: patient-service's {@code GET /api/patients/me} (pat's
 * settings) and notification-service's push endpoints as docs/api.md states them: the VAPID key, the caller's
 * devices, a subscription forwarded by the portal (an endpoint outside the push services is a 400 naming the field)
 * and its removal (another person's or unknown id: 404), and the count of unread messages the Today page shows
 * ({@code GET /api/notifications/unread}, the caller's own). Records what was forwarded and by whom.
 */
public class PushServicesStub implements QuarkusTestResourceLifecycleManager {
    static final String VAPID_KEY = "BItIAK3XMsJwMrN5Rp0vzl44yeUj244tu3u1BWkN9n0j8jEMsSIN4f5fe2GddamhXRHWS0S1zXlNh0PaIkbwEBI";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Device(UUID id, UUID owner, JsonNode subscription) {
    }

    static final List<Device> DEVICES = new CopyOnWriteArrayList<>();
    static final List<UUID> REMOVED = new CopyOnWriteArrayList<>();
    /** How many messages pat has not read, as notification-service would count them. */
    static volatile long patUnread;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stand-ins", e);
        }
        server.createContext("/api/patients/me", PushServicesStub::me);
        server.createContext("/api/notifications/push", PushServicesStub::push);
        server.createContext("/api/notifications/unread", PushServicesStub::unread);
        server.createContext("/", exchange -> PlanServiceStub.answer(exchange, 404, problem(404, "not-found")));
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.patient-service.url", url,
                "%test.quarkus.rest-client.patient-service.url", url,
                "quarkus.rest-client.notification-service.url", url,
                "%test.quarkus.rest-client.notification-service.url", url);
    }

    private static void me(HttpExchange exchange) throws IOException {
        if (!PAT.equals(PatientServiceStub.caller(exchange)) || !"GET".equals(exchange.getRequestMethod())) {
            PlanServiceStub.answer(exchange, 404, problem(404, "not-found"));
            return;
        }
        PlanServiceStub.answer(exchange, 200, JSON.writeValueAsString(Map.of("id", PAT, "username", "pat",
                "timeZone", "Europe/Berlin", "quietHours", Map.of("start", "21:00", "end", "08:00"),
                "channels", Map.of("email", true, "inApp", true), "status", "ACTIVE")));
    }

    private static void unread(HttpExchange exchange) throws IOException {
        UUID caller = PatientServiceStub.caller(exchange);
        if (caller == null) {
            PlanServiceStub.answer(exchange, 401, problem(401, "unauthorized"));
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            PlanServiceStub.answer(exchange, 405, problem(405, "method-not-allowed"));
        } else {
            PlanServiceStub.answer(exchange, 200, "{\"unread\":" + (caller.equals(PAT) ? patUnread : 0) + "}");
        }
    }

    private static void push(HttpExchange exchange) throws IOException {
        UUID caller = PatientServiceStub.caller(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (caller == null) {
            PlanServiceStub.answer(exchange, 401, problem(401, "unauthorized"));
        } else if (path.equals("/api/notifications/push/key")) {
            PlanServiceStub.answer(exchange, 200, "{\"publicKey\":\"" + VAPID_KEY + "\"}");
        } else if (path.equals("/api/notifications/push/subscriptions") && "GET".equals(method)) {
            PlanServiceStub.answer(exchange, 200, JSON.writeValueAsString(DEVICES.stream()
                    .filter(d -> d.owner().equals(caller)).map(d -> Map.of("id", d.id(), "endpoint",
                            d.subscription().path("endpoint").asText(), "createdAt", "2026-12-02T09:30:00Z"))
                    .toList()));
        } else if (path.equals("/api/notifications/push/subscriptions") && "POST".equals(method)) {
            JsonNode subscription = JSON.readTree(exchange.getRequestBody());
            if (!subscription.path("endpoint").asText().startsWith("https://fcm.googleapis.com/")) {
                PlanServiceStub.answer(exchange, 400, "{\"type\":\"https://homeprogram.care/problems/validation\","
                        + "\"title\":\"Invalid input\",\"status\":400,\"detail\":\"endpoint: must be the URL of a "
                        + "known push service\",\"errors\":[{\"field\":\"endpoint\",\"message\":\"must be the URL "
                        + "of a known push service\"}]}");
                return;
            }
            Device device = new Device(UUID.randomUUID(), caller, subscription);
            DEVICES.add(device);
            PlanServiceStub.answer(exchange, 201, JSON.writeValueAsString(Map.of("id", device.id(), "endpoint",
                    subscription.path("endpoint").asText(), "createdAt", "2026-12-02T09:30:00Z")));
        } else if (path.startsWith("/api/notifications/push/subscriptions/") && "DELETE".equals(method)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            Device device = DEVICES.stream().filter(d -> d.id().toString().equals(id) && d.owner().equals(caller))
                    .findFirst().orElse(null);
            if (device == null) {
                PlanServiceStub.answer(exchange, 404, problem(404, "not-found"));
                return;
            }
            DEVICES.remove(device);
            REMOVED.add(device.id());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            PlanServiceStub.answer(exchange, 404, problem(404, "not-found"));
        }
    }

    private static String problem(int status, String type) {
        return "{\"type\":\"https://homeprogram.care/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":"
                + status + ",\"detail\":\"" + type + "\"}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
