package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.ADA;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;

import care.homeprogram.testing.StandInService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for patient-service's care teams, following its rules as docs/api.md states them: pat (screened, in
 * tara's care), the therapists tara and theo, the admin ada. An admin's change that adds a therapist to pat's team
 * waits (202) for a therapist of the team; one that only removes is applied (200); a therapist of the team confirms or
 * declines (then 409 once decided); anyone outside the team gets 404, an unknown therapist 400. The caller is the
 * access token's subject.
 */
public class CareTeamServiceStub extends StandInService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATIENT_PATH = Pattern.compile(
            "/api/patients/([0-9a-f-]{36})/care-team(?:/requests(?:/([0-9a-f-]{36})/(confirm|decline))?)?");
    private static final Map<UUID, String[]> THERAPISTS = Map.of(TARA, new String[] { "tara", "Tara", "Lindqvist" },
            THEO, new String[] { "theo", "Theo", "Okafor" });

    static final Set<UUID> team = new LinkedHashSet<>();
    static final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Usernames patient-service already has (a new patient with one of them is a 409). */
    static final Set<String> usernames = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Every patient the portal asked to create, as sent. */
    static final List<JsonNode> createdPatients = new CopyOnWriteArrayList<>();
    /** While true, patient-service answers that the set-password email could not be sent (its mail server down). */
    static volatile boolean inviteMailDown;
    /** Every care team the portal sent, as the body's therapist ids. */
    static final List<List<UUID>> sentTeams = new CopyOnWriteArrayList<>();

    static final class Request {
        final UUID id = UUID.randomUUID();
        final List<UUID> therapistIds;
        volatile String status = "PENDING";

        Request(List<UUID> therapistIds) {
            this.therapistIds = therapistIds;
        }
    }

    public CareTeamServiceStub() {
        super("patient-service");
    }

    static synchronized void reset() {
        team.clear();
        team.add(TARA);
        requests.clear();
        sentTeams.clear();
        usernames.clear();
        usernames.add("pat");
        createdPatients.clear();
        inviteMailDown = false;
    }

    /** As patient-service: an invite only without a temporary password, and not when mail is down. */
    private static String inviteEmail(JsonNode patient) {
        return patient.hasNonNull("password") ? "NOT_REQUESTED" : inviteMailDown ? "NOT_SENT" : "SENT";
    }

    @Override
    protected void routes(HttpServer server) {
        reset();
        server.createContext("/", CareTeamServiceStub::handle);
    }

    private static synchronized void handle(HttpExchange exchange) throws IOException {
        UUID caller = caller(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean admin = ADA.equals(caller);
        boolean inTeam = caller != null && team.contains(caller);
        Matcher care = PATIENT_PATH.matcher(path);
        if (caller == null) {
            answer(exchange, 401, problem(401, "unauthorized", "Sign in"));
        } else if (path.equals("/api/patients") && "POST".equals(method) && THERAPISTS.containsKey(caller)) {
            JsonNode patient = JSON.readTree(exchange.getRequestBody());
            if (!usernames.add(patient.path("username").asText())) {
                answer(exchange, 409, problem(409, "username-taken", "The username is taken"));
                return;
            }
            createdPatients.add(patient);
            answer(exchange, 201, JSON.writeValueAsString(Map.of("id", UUID.randomUUID(), "username",
                    patient.path("username").asText(), "firstName", patient.path("firstName").asText(),
                    "lastName", patient.path("lastName").asText(), "status", "ACTIVE",
                    "therapistIds", List.of(caller), "inviteEmail", inviteEmail(patient))));
        } else if (path.equals("/api/patients") && "POST".equals(method) && admin) {
            // as patient-service: an admin names the care team, active therapists only
            JsonNode patient = JSON.readTree(exchange.getRequestBody());
            List<UUID> named = new ArrayList<>();
            patient.path("therapistIds").forEach(id -> named.add(UUID.fromString(id.asText())));
            if (named.isEmpty() || !named.stream().allMatch(THERAPISTS::containsKey)) {
                answer(exchange, 400, problem(400, "validation", "therapistIds: name at least one therapist"));
                return;
            }
            if (!usernames.add(patient.path("username").asText())) {
                answer(exchange, 409, problem(409, "username-taken", "The username is taken"));
                return;
            }
            createdPatients.add(patient);
            answer(exchange, 201, JSON.writeValueAsString(Map.of("id", UUID.randomUUID(), "username",
                    patient.path("username").asText(), "status", "ACTIVE", "inviteEmail", inviteEmail(patient))));
        } else if (path.equals("/api/patients") && admin) {
            answer(exchange, 200, JSON.writeValueAsString(Map.of("items", List.of(Map.of("id", PAT, "username", "pat",
                    "firstName", "Pat", "lastName", "Morgan", "status", "ACTIVE")), "total", 1)));
        } else if (path.equals("/api/accounts/" + PAT) && admin) {
            answer(exchange, 200, JSON.writeValueAsString(Map.of("id", PAT, "username", "pat", "email",
                    "pat@demo.homeprogram.test", "firstName", "Pat", "lastName", "Morgan", "role", "patient",
                    "enabled", true)));
        } else if (path.equals("/api/therapists") && (admin || THERAPISTS.containsKey(caller))) {
            String q = query(exchange, "q");
            List<Map<String, Object>> found = new ArrayList<>();
            THERAPISTS.keySet().stream().sorted().filter(id -> q == null || THERAPISTS.get(id)[0].contains(q))
                    .forEach(id -> found.add(therapist(id)));
            answer(exchange, 200, JSON.writeValueAsString(Map.of("items", found, "total", found.size())));
        } else if (path.startsWith("/api/therapists/") && (admin || THERAPISTS.containsKey(caller))
                && THERAPISTS.containsKey(id(path.substring("/api/therapists/".length())))) {
            answer(exchange, 200, JSON.writeValueAsString(therapist(id(path.substring("/api/therapists/".length())))));
        } else if (path.equals("/api/care-team-requests") && THERAPISTS.containsKey(caller)) {
            List<Map<String, Object>> shown = new ArrayList<>();
            if (inTeam) {
                requests.stream().filter(r -> r.status.equals("PENDING")).forEach(r -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", r.id);
                    view.put("patientId", PAT);
                    view.put("patientFirstName", "Pat");
                    view.put("patientLastName", "Morgan");
                    view.put("currentTherapistIds", List.copyOf(team));
                    view.put("therapistIds", r.therapistIds);
                    view.put("requestedBy", ADA);
                    view.put("requestedAt", "2026-12-02T09:30:00Z");
                    shown.add(view);
                });
            }
            answer(exchange, 200, JSON.writeValueAsString(shown));
        } else if (path.equals("/api/care-team-requests")) {
            answer(exchange, 403, problem(403, "forbidden", "Only therapists decide care-team requests"));
        } else if (care.matches() && PAT.equals(id(care.group(1))) && (admin || inTeam)) {
            careTeam(exchange, method, care, admin, caller);
        } else {
            answer(exchange, 404, problem(404, "not-found", "Not found"));
        }
    }

    private static void careTeam(HttpExchange exchange, String method, Matcher care, boolean admin, UUID caller)
            throws IOException {
        if (care.group(3) != null && "POST".equals(method) && !admin) {
            Request request = requests.stream().filter(r -> r.id.equals(id(care.group(2)))).findFirst().orElse(null);
            if (request == null) {
                answer(exchange, 404, problem(404, "not-found", "Care-team request not found"));
            } else if (!request.status.equals("PENDING")) {
                answer(exchange, 409, problem(409, "request-decided", "This care-team request was already "
                        + request.status.toLowerCase(java.util.Locale.ROOT)));
            } else if (care.group(3).equals("confirm")) {
                request.status = "CONFIRMED";
                team.clear();
                team.addAll(request.therapistIds);
                answer(exchange, 200, teamJson());
            } else {
                request.status = "DECLINED";
                answer(exchange, 200, JSON.writeValueAsString(Map.of("id", request.id, "patientId", PAT,
                        "therapistIds", request.therapistIds, "status", "DECLINED", "decidedBy", caller)));
            }
        } else if (care.group(3) != null) {
            answer(exchange, 403, problem(403, "forbidden", "Admins cannot decide care-team requests"));
        } else if (care.group(0).endsWith("/requests") && "GET".equals(method)) {
            List<Map<String, Object>> pending = new ArrayList<>();
            requests.stream().filter(r -> r.status.equals("PENDING")).forEach(r -> pending.add(Map.of("id", r.id,
                    "patientId", PAT, "therapistIds", r.therapistIds, "requestedBy", ADA, "requestedAt",
                    "2026-12-02T09:30:00Z", "status", "PENDING")));
            answer(exchange, 200, JSON.writeValueAsString(pending));
        } else if ("GET".equals(method)) {
            answer(exchange, 200, teamJson());
        } else if ("PUT".equals(method)) {
            List<UUID> asked = new ArrayList<>();
            for (JsonNode id : JSON.readTree(exchange.getRequestBody()).path("therapistIds")) {
                asked.add(UUID.fromString(id.asText()));
            }
            sentTeams.add(List.copyOf(asked));
            if (asked.isEmpty() || !THERAPISTS.keySet().containsAll(asked)) {
                answer(exchange, 400, problem(400, "validation", "unknown or disabled therapist"));
            } else if (admin && !team.containsAll(asked)) {
                Request request = new Request(List.copyOf(asked));
                requests.add(request);
                answer(exchange, 202, JSON.writeValueAsString(Map.of("id", request.id, "patientId", PAT,
                        "therapistIds", asked, "requestedBy", ADA, "requestedAt", "2026-12-02T09:30:00Z",
                        "status", "PENDING")));
            } else {
                team.clear();
                team.addAll(asked);
                answer(exchange, 200, teamJson());
            }
        } else {
            answer(exchange, 405, problem(405, "method-not-allowed", "Method not allowed"));
        }
    }

    private static Map<String, Object> therapist(UUID id) {
        String[] t = THERAPISTS.get(id);
        return Map.of("id", id, "username", t[0], "firstName", t[1], "lastName", t[2], "email",
                t[0] + "@demo.homeprogram.test", "timeZone", "Europe/Berlin", "status", "ACTIVE");
    }

    private static String teamJson() throws IOException {
        return JSON.writeValueAsString(Map.of("patientId", PAT, "therapistIds", List.copyOf(team)));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2 && !kv[1].isEmpty()) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

}
