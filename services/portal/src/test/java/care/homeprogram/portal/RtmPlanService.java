package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;

import care.homeprogram.testing.StandInService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for plan-service's remote-monitoring API ({@code /api/rtm}, docs/api.md) over real HTTP, as far as the
 * portal's RTM pages need one, following the API's rules for pat and her therapist tara: anyone else's patient (or
 * anyone else asking) is a 404; consent is recorded once (409 {@code rtm-consent-recorded}); the setup, the timer and
 * time entries need consent (409 {@code rtm-consent-missing}); a second start or a stop without a timer is a 409; a
 * manual entry's minutes outside 1–240, a missing note or a future date is a 400 naming the field. The month's summary
 * adds up the recorded time and proposes codes by the time rule (plan-service's own rules are tested in
 * plan-service); a stopped timer counts {@link #timerMinutes}. Every write is kept in {@link #writes}: "METHOD path
 * body". The therapist's patient page also needs {@code /api/plans} and {@code /api/alerts}: none.
 */
public class RtmPlanService extends StandInService {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> writes = new CopyOnWriteArrayList<>();
    /** plan-service failing (500) on the month's summary, or on everything of RTM. */
    static volatile boolean monthFailing;
    static volatile boolean allFailing;
    /** The billing staff member of the test: the only one the clinic-wide ledger answers. */
    static volatile UUID billing;
    /** The months the clinic-wide ledger was asked for. */
    static final List<String> clinicLedgerMonths = new CopyOnWriteArrayList<>();
    /** The minutes a stopped timer records (a test does not wait for them). */
    static volatile int timerMinutes = 15;
    /** The data period plan-service reports in every month (16 days with sessions: 98977). */
    static final String PERIOD = "{\"start\":\"2026-11-15\",\"end\":\"2026-12-14\",\"dataDays\":16,"
            + "\"dates\":[\"2026-11-16\",\"2026-11-18\"],\"sessionIds\":[],\"code\":\"98977\","
            + "\"reason\":\"16 days with sessions in the period (16–30 days: 98977)\",\"complete\":true}";

    private static volatile Map<String, Object> consent;
    private static volatile Map<String, Object> setup;
    private static volatile Instant timerStartedAt;
    private static final List<Map<String, Object>> entries = new CopyOnWriteArrayList<>();

    public RtmPlanService() {
        super("plan-service");
    }

    /** Nothing recorded for pat, no writes. */
    static void reset() {
        writes.clear();
        consent = null;
        setup = null;
        timerStartedAt = null;
        entries.clear();
        timerMinutes = 15;
        monthFailing = false;
        allFailing = false;
        clinicLedgerMonths.clear();
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/rtm", RtmPlanService::rtm);
        // the therapist's patient page and start page: no plans, no alerts, no outcome measures
        server.createContext("/api/plans", exchange -> answer(exchange, 200, "{\"items\":[],\"total\":0}"));
        server.createContext("/api/alerts", exchange -> answer(exchange, 200, "{\"items\":[],\"total\":0}"));
        server.createContext("/api/instruments", exchange -> answer(exchange, 200, "{\"items\":[],\"total\":0}"));
        server.createContext("/api/measures", exchange -> answer(exchange, 200, "{\"instruments\":[]}"));
        server.createContext("/", exchange -> answer(exchange, 404, problem(404, "not-found", "Not found")));
    }

    private static void rtm(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String body = body(exchange);
        if (!"GET".equals(method)) {
            writes.add(method + " " + path + " " + body);
        }
        if (allFailing || monthFailing && path.matches(".*/months/\\d{4}-\\d{2}")) {
            answer(exchange, 500, problem(500, "failure", "boom"));
            return;
        }
        if (path.equals("/api/rtm/ledger/clinic") || path.equals("/api/rtm/ledger/clinic.csv")) {
            if (billing == null || !billing.equals(caller(exchange))) {
                answer(exchange, caller(exchange) == null ? 401 : 403, problem(403, "forbidden", "Not billing"));
                return;
            }
            String month = query == null ? "" : query.replace("month=", "");
            clinicLedgerMonths.add(month);
            if (path.endsWith(".csv")) {
                // plan-service holds no names: the clinic's CSV leaves patientName empty, as the real one does
                answer(exchange, 200, "text/csv", ledgerCsv(month).replace(",Pat Morgan,", ",,")
                        .getBytes(StandardCharsets.UTF_8));
            } else { // the real one leaves the therapists' notes out; this one does not, to show the portal never prints one
                answer(exchange, 200, "{\"month\":\"" + month + "\",\"codeTableVersion\":\"cpt-2026\",\"patients\":["
                        + (consent == null ? "" : month(month)) + "]}");
            }
            return;
        }
        if (!TARA.equals(caller(exchange))) {
            answer(exchange, caller(exchange) == null ? 401 : 403, problem(403, "forbidden", "Not a therapist"));
            return;
        }
        if (path.equals("/api/rtm/ledger") || path.equals("/api/rtm/ledger.csv")) {
            String month = query == null ? "" : query.replace("month=", "");
            if (path.endsWith(".csv")) {
                answer(exchange, 200, "text/csv", ledgerCsv(month).getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, 200, "{\"month\":\"" + month + "\",\"codeTableVersion\":\"cpt-2026\",\"patients\":["
                        + (consent == null ? "" : month(month)) + "]}");
            }
            return;
        }
        String patient = "/api/rtm/patients/" + PAT;
        if (!path.startsWith(patient)) {
            answer(exchange, 404, problem(404, "not-found", "Patient not found"));
            return;
        }
        String rest = path.substring(patient.length());
        JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        switch (method + " " + rest) {
            case "GET " -> answer(exchange, 200, status());
            case "PUT /consent" -> {
                if (consent != null) {
                    answer(exchange, 409, problem(409, "rtm-consent-recorded", "Consent is already recorded"));
                } else if (json.path("note").asText("").length() > 500) {
                    validation(exchange, "note", "must be at most 500 characters");
                } else {
                    Map<String, Object> recorded = new LinkedHashMap<>();
                    recorded.put("recordedBy", TARA.toString());
                    recorded.put("recordedAt", "2026-12-01T09:00:00Z");
                    recorded.put("method", json.path("method").asText());
                    recorded.put("note", json.path("note").isNull() ? null : json.path("note").asText(null));
                    consent = recorded;
                    answer(exchange, 200, status());
                }
            }
            case "POST /setup" -> {
                if (consent == null) {
                    consentMissing(exchange);
                } else if (setup != null) {
                    answer(exchange, 409, problem(409, "rtm-setup-recorded", "Setup is already recorded"));
                } else {
                    setup = new LinkedHashMap<>(Map.of("recordedBy", TARA.toString(),
                            "recordedAt", "2026-12-01T09:30:00Z", "code", "98975"));
                    answer(exchange, 201, JSON.writeValueAsString(setup));
                }
            }
            case "POST /timer/start" -> {
                if (consent == null) {
                    consentMissing(exchange);
                } else if (timerStartedAt != null) {
                    answer(exchange, 409, problem(409, "rtm-timer-running", "A timer is running"));
                } else {
                    timerStartedAt = Instant.parse("2026-12-02T10:00:00Z");
                    answer(exchange, 201, timer());
                }
            }
            case "POST /timer/stop" -> {
                if (timerStartedAt == null) {
                    answer(exchange, 409, problem(409, "rtm-timer-not-running", "No timer is running"));
                } else {
                    timerStartedAt = null;
                    answer(exchange, 201, entry(LocalDate.now(ZoneOffset.UTC), timerMinutes,
                            json.path("interactive").asBoolean(), json.path("note").asText(null), "TIMER"));
                }
            }
            case "POST /time" -> {
                int minutes = json.path("minutes").asInt(0);
                LocalDate date = json.path("date").isTextual() ? LocalDate.parse(json.path("date").asText()) : null;
                if (consent == null) {
                    consentMissing(exchange);
                } else if (minutes < 1 || minutes > 240) {
                    validation(exchange, "minutes", "must be between 1 and 240");
                } else if (date == null || date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                    validation(exchange, "date", "must not be in the future");
                } else if (json.path("note").asText("").isBlank()) {
                    validation(exchange, "note", "is required for time entered afterwards");
                } else {
                    answer(exchange, 201, entry(date, minutes, json.path("interactive").asBoolean(),
                            json.path("note").asText(), "MANUAL"));
                }
            }
            default -> {
                if ("GET".equals(method) && rest.matches("/months/\\d{4}-\\d{2}\\.csv")) {
                    String month = rest.substring("/months/".length(), rest.length() - 4);
                    answer(exchange, 200, "text/csv", ("month,code,units,reason\n" + month + ",evidence of pat\n")
                            .getBytes(StandardCharsets.UTF_8));
                } else if ("GET".equals(method) && rest.matches("/months/\\d{4}-\\d{2}")) {
                    answer(exchange, 200, month(rest.substring("/months/".length())));
                } else {
                    answer(exchange, 404, problem(404, "not-found", "Not found"));
                }
            }
        }
    }

    private static void consentMissing(HttpExchange exchange) throws IOException {
        answer(exchange, 409, problem(409, "rtm-consent-missing", "No consent recorded"));
    }

    private static void validation(HttpExchange exchange, String field, String message) throws IOException {
        answer(exchange, 400, "{\"type\":\"https://homeprogram.care/problems/validation\",\"title\":\"Invalid input\","
                + "\"status\":400,\"detail\":\"" + field + ": " + message + "\",\"errors\":[{\"field\":\"" + field
                + "\",\"message\":\"" + message + "\"}]}");
    }

    private static String status() throws IOException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("patientId", PAT.toString());
        view.put("consent", consent);
        view.put("setup", setup);
        view.put("timer", timerStartedAt == null ? null : JSON.readTree(timer()));
        return JSON.writeValueAsString(view);
    }

    private static String timer() {
        return "{\"startedBy\":\"" + TARA + "\",\"startedAt\":\"" + timerStartedAt + "\"}";
    }

    private static String entry(LocalDate date, int minutes, boolean interactive, String note, String source)
            throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("date", date.toString());
        entry.put("minutes", minutes);
        entry.put("seconds", minutes * 60);
        entry.put("interactive", interactive);
        entry.put("note", note);
        entry.put("source", source);
        entry.put("recordedBy", TARA.toString());
        entry.put("recordedAt", "2026-12-02T11:00:00Z");
        entries.add(entry);
        return JSON.writeValueAsString(entry);
    }

    /** The month's summary: the time recorded in it, and the codes the time rule proposes. */
    private static String month(String month) throws IOException {
        YearMonth asked = YearMonth.parse(month);
        List<Map<String, Object>> inMonth = entries.stream()
                .filter(e -> YearMonth.from(LocalDate.parse((String) e.get("date"))).equals(asked)).toList();
        int minutes = inMonth.stream().mapToInt(e -> (int) e.get("minutes")).sum();
        int interactiveMinutes = inMonth.stream().filter(e -> (boolean) e.get("interactive"))
                .mapToInt(e -> (int) e.get("minutes")).sum();
        boolean interactive = interactiveMinutes > 0;
        List<String> proposed = new ArrayList<>();
        String timeReason = interactive ? minutes + " minutes, with interactive communication"
                : "No real-time interactive communication recorded";
        if (interactive && minutes >= 20) {
            proposed.add("{\"code\":\"98980\",\"units\":1,\"reason\":\"" + minutes
                    + " minutes with interactive communication (first 20)\"}");
            if ((minutes - 20) / 20 > 0) {
                proposed.add("{\"code\":\"98981\",\"units\":" + (minutes - 20) / 20
                        + ",\"reason\":\"each further 20 minutes\"}");
            }
        } else if (interactive && minutes >= 10) {
            proposed.add("{\"code\":\"98979\",\"units\":1,\"reason\":\"10–19 minutes with interactive communication\"}");
        }
        return "{\"patientId\":\"" + PAT + "\",\"month\":\"" + month + "\",\"consentRecorded\":" + (consent != null)
                + ",\"periods\":[" + PERIOD + "],\"minutes\":" + minutes + ",\"interactiveMinutes\":"
                + interactiveMinutes + ",\"interactiveCommunication\":" + interactive + ",\"timeReason\":\"" + timeReason
                + "\",\"timeEntries\":"
                + JSON.writeValueAsString(inMonth) + ",\"proposed\":[" + String.join(",", proposed)
                + "],\"codeTableVersion\":\"cpt-2026\",\"note\":\"Nothing is billed automatically; a clinician "
                + "reviews each proposal.\"}";
    }

    private static String ledgerCsv(String month) {
        return "month,patientId,patientName,code,reason,dataDays,minutes,interactive\n" + month + "," + PAT
                + ",Pat Morgan,98980,time with interactive communication,16,25,true\n";
    }
}
