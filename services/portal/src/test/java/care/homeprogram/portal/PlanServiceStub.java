package care.homeprogram.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for plan-service, as far as the therapist's patient page and the patient's Today need one:
 * {@code GET /api/plans} (and a plan's sessions) answers with none, {@code GET /api/plans/mine} with {@link #mine} and
 * {@code GET /api/alerts} with {@link #alerts}; anything else is a 404 problem. The portal's
 * {@code plan-service} client points at it; patient- and notification-service stay unreachable.
 */
public class PlanServiceStub implements QuarkusTestResourceLifecycleManager {
    /** The open alerts plan-service reports, in its JSON (docs/api.md, {@code AlertView}). */
    static volatile String alerts = "{\"items\":[],\"total\":0}";

    /** The patient's plans ({@code GET /api/plans/mine}, docs/api.md {@code PlanView}); none unless a test sets them. */
    static volatile String mine = "{\"items\":[],\"total\":0}";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the plan-service stand-in", e);
        }
        server.createContext("/api/plans", exchange -> answer(exchange, 200, "{\"items\":[],\"total\":0}"));
        server.createContext("/api/plans/mine", exchange -> answer(exchange, 200, mine));
        server.createContext("/api/alerts", exchange -> answer(exchange, 200, alerts));
        server.createContext("/", exchange -> answer(exchange, 404,
                "{\"title\":\"Not found\",\"status\":404}"));
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.plan-service.url", url,
                "%test.quarkus.rest-client.plan-service.url", url);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
