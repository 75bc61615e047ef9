package care.homeprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for another service over real HTTP, for a test of a service that calls it (a test resource): a JDK HTTP
 * server on a free local port, started before the application and stopped after it, that the application's REST
 * client named {@code client} (e.g. {@code plan-service}) is pointed at. A stand-in only says what it answers
 * ({@link #routes}); starting, stopping and writing answers as the services write them is done here once.
 */
public abstract class StandInService implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String client;
    private HttpServer server;

    /** @param client the application's REST client ({@code quarkus.rest-client.<client>.url}) to point here */
    protected StandInService(String client) {
        this.client = client;
    }

    /** Adds the contexts this stand-in answers (e.g. {@code /api/plans}) to the server, before it starts. */
    protected abstract void routes(HttpServer server);

    /** Configuration besides the client's URL (e.g. shorter timeouts); none unless a stand-in needs some. */
    protected Map<String, String> configuration() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + client + " stand-in", e);
        }
        routes(server);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        Map<String, String> config = new LinkedHashMap<>(configuration());
        config.put("quarkus.rest-client." + client + ".url", url);
        config.put("%test.quarkus.rest-client." + client + ".url", url);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers as the services do: JSON for a success, problem+json for a refusal or failure. */
    public static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, status < 300 ? "application/json" : "application/problem+json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with the body as it is, of the given content type. */
    public static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The services' problem+json body (RFC 9457) with a type of {@code https://homeprogram.care/problems/}. */
    public static String problem(int status, String type, String detail) {
        return "{\"type\":\"https://homeprogram.care/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
    }

    /** The request's body as text. */
    public static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * The access token's subject (the signed-in person's id in every service), or null without a readable bearer
     * token. The signature is not checked: the stand-in trusts the application under test, which got it from Keycloak.
     */
    public static UUID caller(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = header.substring("Bearer ".length()).split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return UUID.fromString(claims.path("sub").asText());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
