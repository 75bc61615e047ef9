package care.homeprogram.portal;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.StandInService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for plan-service, as far as the therapist's patient page, the patient's Today and the builder need
 * one: {@code GET /api/plans} answers with no plans, {@code GET /api/plans/mine} with {@link #mine}, {@code POST
 * /api/plans} with {@link #creation}, {@code PATCH} with {@link #change} (keeping the body in {@link #lastChange}),
 * {@code GET /api/alerts} with {@link #alerts}, a plan's sessions with {@link #sessions}, correcting or withdrawing one
 * with {@link #sessionChange} (keeping the request in {@link #lastSessionChange}), the library with {@link #EXERCISE}, and {@code GET
 * /api/fhir/patients/{id}} with {@link #FHIR_BUNDLE} for pat's therapist (404 for anyone else, as plan-service answers
 * outside the care team); anything else is a 404 problem. The portal's {@code plan-service} client points at it;
 * notification-service stays unreachable.
 */
public class PlanServiceStub extends StandInService {
    /** The open alerts plan-service reports, in its JSON (docs/api.md, {@code AlertView}). */
    static volatile String alerts = "{\"items\":[],\"total\":0}";
    /** plan-service's answer to creating a plan (status and problem+json body), or null for "not found". */
    static volatile Answer creation;
    /** plan-service's answer to changing a plan (PATCH), or null for the changed plan. */
    static volatile Answer change;
    /** The body of the last PATCH of a plan, as the portal sent it. */
    static volatile String lastChange;
    /** The body of the last POST of a plan, as the portal sent it. */
    static volatile String lastCreation;
    /** The sessions of any plan ({@code GET /api/plans/{id}/sessions}, docs/api.md {@code SessionView}). */
    static volatile String sessions = "{\"items\":[],\"total\":0}";
    /** plan-service's answer to correcting (PUT) or withdrawing (POST .../withdraw) a session. */
    static volatile Answer sessionChange = new Answer(200, "{}");
    /** The last correction or withdrawal as the portal sent it: method, path and body. */
    static volatile String lastSessionChange;
    /** The last session logged ({@code POST /api/plans/{id}/sessions}): its Idempotency-Key header and body. */
    static volatile String lastSessionLogKey;
    static volatile String lastSessionLog;
    /** plan-service's answer to a session log, or null for "continue" (a refusal, as plan-service sends it). */
    static volatile Answer sessionLogAnswer;
    /** The clinic's acute-phase template, with the one library entry ({@link #EXERCISE}). */
    static final String ACUTE_TEMPLATE = "a0000000-0000-4000-8000-000000000001";

    static final String EXERCISE = "e0000000-0000-4000-8000-000000000001";
    static final String PLAN = "f0000000-0000-4000-8000-000000000001";
    static final String FHIR_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}";

    record Answer(int status, String json) {
    }

    /** A library entry's media list ({@code GET /api/exercises/{id}/media}, docs/api.md {@code MediaView}). */
    static volatile String media = "{\"items\":[],\"total\":0}";
    /** The one media item the stand-in serves, and its bytes; anyone else's media id is a 404. */
    static final String MEDIA = "c0000000-0000-4000-8000-000000000001";
    static final byte[] MEDIA_BYTES = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    /** The request headers plan-service got for the media, as the portal passed them on. */
    static volatile Map<String, String> lastMediaRequest = Map.of();

    /** Serves {@link #MEDIA_BYTES} as plan-service serves media: a single range → 206, a matching ETag → 304. */
    private static void mediaBytes(HttpExchange exchange) throws IOException {
        var asked = exchange.getRequestHeaders();
        lastMediaRequest = Map.of("Authorization", String.valueOf(asked.getFirst("Authorization")),
                "Range", String.valueOf(asked.getFirst("Range")));
        if (!exchange.getRequestURI().getPath().equals("/api/media/" + MEDIA)) {
            answer(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("ETag", "\"abc\"");
        headers.add("Cache-Control", "private, max-age=31536000, immutable");
        headers.add("Content-Type", "image/png");
        if ("\"abc\"".equals(asked.getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        String range = asked.getFirst("Range");
        byte[] body = MEDIA_BYTES;
        int status = 200;
        if (range != null && range.matches("bytes=\\d+-\\d+")) {
            String[] ends = range.substring(6).split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[1]);
            body = java.util.Arrays.copyOfRange(MEDIA_BYTES, from, to + 1);
            headers.add("Content-Range", "bytes " + from + "-" + to + "/" + MEDIA_BYTES.length);
            status = 206;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The patient's plans in the language asked for ({@code Accept-Language}, as plan-service translates the library's
     * words), or null for {@link #mine}; likewise the check-in's answer, or null for "continue".
     */
    static volatile java.util.function.Function<String, String> mineIn;
    static volatile java.util.function.Function<String, String> checkInIn;
    /** The {@code Accept-Language} of each call, as the portal sent it: "METHOD path language". */
    static final java.util.List<String> languagesAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Who asked for the patient's day ({@code GET /api/plans/mine/today}) and the trace it came with: "caller traceparent". */
    static volatile String lastDayCall;

    /** The patient's plans ({@code GET /api/plans/mine}, docs/api.md {@code PlanView}); none unless a test sets them. */
    static volatile String mine = "{\"items\":[],\"total\":0}";

    /** A therapist's view of a patient's plans ({@code GET /api/plans?patientId=}); none unless a test sets them. */
    static volatile String ofPatient = "{\"items\":[],\"total\":0}";
    /** plan-service failing to list a patient's plans, or null for {@link #ofPatient}. */
    static volatile Answer ofPatientAnswer;
    /** {@code GET /api/plans/{id}}, or null for the old catch-all answer. */
    static volatile String planById;

    /** Outcome measures ({@code /api/instruments}, {@code /api/measures}, docs/api.md "Outcome measures"). */
    static volatile String instruments = "{\"items\":[],\"total\":0}";
    /** One instrument with its Questionnaire ({@code GET /api/instruments/{key}}), whatever the key. */
    static volatile String instrument = "{}";
    static volatile Answer instrumentTerms = new Answer(404, problem(404, "not-found", "Not found"));
    static volatile Answer enable = new Answer(200, "{}");
    static volatile Answer importing = new Answer(201, "{}");
    static volatile String due = "{\"items\":[],\"total\":0}";
    static volatile Answer answering = new Answer(201, "{}");
    static volatile String schedules = "{\"items\":[],\"total\":0}";
    static volatile Answer attaching = new Answer(201, "{}");
    static volatile Answer scores = new Answer(200, "{\"instruments\":[]}");
    /** The last outcome-measure write as the portal sent it: method, path and body. */
    static volatile String lastMeasureWrite;

    /** Back to no measures, no instruments and no plans for the therapist's view. */
    static void resetMeasures() {
        ofPatient = "{\"items\":[],\"total\":0}";
        planById = null;
        instruments = "{\"items\":[],\"total\":0}";
        instrument = "{}";
        instrumentTerms = new Answer(404, problem(404, "not-found", "Not found"));
        enable = new Answer(200, "{}");
        importing = new Answer(201, "{}");
        due = "{\"items\":[],\"total\":0}";
        answering = new Answer(201, "{}");
        schedules = "{\"items\":[],\"total\":0}";
        attaching = new Answer(201, "{}");
        scores = new Answer(200, "{\"instruments\":[]}");
        lastMeasureWrite = null;
    }

    private static void measures(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        language(exchange); // plan-service words the instruments in it
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (post) {
            lastMeasureWrite = "POST " + path + " " + body(exchange);
        }
        Answer answer;
        if (path.equals("/api/instruments")) {
            answer = post ? importing : new Answer(200, instruments);
        } else if (path.matches("/api/instruments/[^/]+/terms")) {
            answer = instrumentTerms;
        } else if (path.matches("/api/instruments/[^/]+/enable")) {
            answer = enable;
        } else if (path.matches("/api/instruments/[^/]+")) {
            answer = new Answer(200, instrument);
        } else if (path.equals("/api/measures/due")) {
            answer = new Answer(200, due);
        } else if (path.matches("/api/measures/schedules/[^/]+/responses")) {
            answer = answering;
        } else if (path.matches("/api/measures/plans/[^/]+/schedules")) {
            answer = post ? attaching : new Answer(200, schedules);
        } else if (path.matches("/api/measures/patients/[^/]+/scores")) {
            answer = scores;
        } else {
            answer = new Answer(404, problem(404, "not-found", "Not found"));
        }
        answer(exchange, answer.status(), answer.json());
    }

    /** Any plan's versions ({@code GET /api/plans/{id}/versions}, docs/api.md {@code PlanVersionView}). */
    static volatile String versions = "{\"items\":[],\"total\":0}";
    /** Any plan's adherence ({@code GET /api/plans/{id}/adherence}): no weeks unless a test sets them. */
    static volatile String adherence = "{\"weeks\":[]}";

    /** The patient's finished plans ({@code GET /api/plans/mine/history}); none unless a test sets them. */
    static volatile String history = "{\"items\":[],\"total\":0}";

    public PlanServiceStub() {
        super("plan-service");
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/plans/mine", exchange -> {
            var in = mineIn;
            answer(exchange, 200, in == null ? mine : in.apply(language(exchange)));
        });
        server.createContext("/api/check-ins", exchange -> {
            var in = checkInIn;
            answer(exchange, 200, in == null ? "{\"decision\":\"CONTINUE\",\"reasons\":[],\"guidance\":\"Keep going.\","
                    + "\"trafficLight\":\"GREEN\",\"therapistAlerted\":false}" : in.apply(language(exchange)));
        });
        server.createContext("/api/plans/mine/history", exchange -> answer(exchange, 200, history));
        server.createContext("/api/plans/mine/today", PlanServiceStub::day);
        server.createContext("/api/plans", exchange -> {
            Answer created = creation;
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/plans/overview")) {
                overview(exchange);
            } else if (path.matches("/api/plans/[^/]+/sessions") && "POST".equals(exchange.getRequestMethod())) {
                lastSessionLogKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                lastSessionLog = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer refusal = sessionLogAnswer;
                if (refusal != null) {
                    answer(exchange, refusal.status(), refusal.json());
                    return;
                }
                answer(exchange, 200, "{\"decision\":\"CONTINUE\",\"reasons\":[\"PAIN_GREEN\"],"
                        + "\"guidance\":\"Keep going.\",\"trafficLight\":\"GREEN\",\"therapistAlerted\":false}");
            } else if (path.matches("/api/plans/[^/]+/versions")) {
                answer(exchange, 200, versions);
            } else if (path.matches("/api/plans/[^/]+/adherence")) {
                answer(exchange, 200, adherence);
            } else if (path.matches("/api/plans/[^/]+/sessions")) {
                answer(exchange, 200, sessions);
            } else if (path.matches("/api/plans/[^/]+/sessions/.+")) {
                lastSessionChange = exchange.getRequestMethod() + " " + path + " " + body(exchange);
                answer(exchange, sessionChange.status(), sessionChange.json());
            } else if ("PATCH".equals(exchange.getRequestMethod())) {
                lastChange = body(exchange);
                Answer changed = change;
                answer(exchange, changed == null ? 200 : changed.status(), changed == null
                        ? "{\"id\":\"" + PLAN + "\",\"patientId\":\"" + DemoUsers.PAT + "\",\"status\":\"ACTIVE\"}"
                        : changed.json());
            } else if ("POST".equals(exchange.getRequestMethod())) {
                lastCreation = body(exchange);
                answer(exchange, created == null ? 404 : created.status(), created == null
                        ? "{\"title\":\"Not found\",\"status\":404}" : created.json());
            } else if (path.matches("/api/plans/[0-9a-f-]{36}") && planById != null) {
                answer(exchange, 200, planById);
            } else if (path.equals("/api/plans")) {
                Answer failing = ofPatientAnswer;
                answer(exchange, failing == null ? 200 : failing.status(), failing == null ? ofPatient : failing.json());
            } else {
                answer(exchange, 200, "{\"items\":[],\"total\":0}");
            }
        });
        server.createContext("/api/instruments", PlanServiceStub::measures);
        server.createContext("/api/measures", PlanServiceStub::measures);
        server.createContext("/api/media/", PlanServiceStub::mediaBytes);
        // several entries' media in one read (GET /api/media?exerciseId=...): the one list, whichever were asked
        server.createContext("/api/media", exchange -> answer(exchange, 200, media));
        server.createContext("/api/exercises", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/media")) {
                answer(exchange, 200, media);
                return;
            }
            answer(exchange, 200, """
                {"items":[{"id":"%s","slug":"knee-to-chest","name":"Knee to chest","category":"MOBILITY",
                  "summary":"Gentle stretch lying on your back","instructions":[],"cautions":[],
                  "defaultDose":{"sets":2,"reps":10,"timesPerDay":1,"weeks":4},"flags":[]}],"total":1}
                """.formatted(EXERCISE));
        });
        server.createContext("/api/templates", exchange -> answer(exchange, 200, """
                {"items":[{"id":"%s","slug":"acute","name":"Acute back spasm","description":"","condition":"ACUTE",
                  "acute":true,"items":[{"exerciseId":"%s","startWeek":1,
                  "dose":{"sets":2,"reps":10,"timesPerDay":1,"daysOfWeek":["MONDAY"],"weeks":4}}]}],"total":1}
                """.formatted(ACUTE_TEMPLATE, EXERCISE)));
        server.createContext("/api/fhir/patients/", exchange -> {
            boolean patsTherapist = DemoUsers.TARA.equals(caller(exchange));
            if (patsTherapist && exchange.getRequestURI().getPath().endsWith("/" + DemoUsers.PAT)) {
                answer(exchange, 200, "application/fhir+json", FHIR_BUNDLE.getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, 404, "{\"type\":\"https://homeprogram.care/problems/not-found\","
                        + "\"title\":\"Not found\",\"status\":404,\"detail\":\"Patient not found\"}");
            }
        });
        server.createContext("/api/alerts", exchange -> answer(exchange, 200, alerts));
        server.createContext("/api/calendar-feed", PlanServiceStub::calendarFeed);
        server.createContext("/", exchange -> answer(exchange, 404,
                "{\"title\":\"Not found\",\"status\":404}"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * {@code GET /api/plans/overview?patientId=}, composed as plan-service composes it from what its separate reads
     * answer here: {@link #ofPatient} (or {@link #ofPatientAnswer}'s failure), {@link #alerts}, {@link #scores} (a
     * failure fails the whole read, as one transaction would), {@link #instruments}, and for the plan the page leads
     * with (the newest active or on hold, else draft, else the newest) {@link #sessions}, {@link #adherence},
     * {@link #versions} and {@link #schedules}. No earlier versions: the portal asks {@code GET /api/plans/{id}} for
     * them ({@link #planById}).
     */
    private static void overview(HttpExchange exchange) throws IOException {
        Answer failing = ofPatientAnswer;
        Answer scored = scores;
        if (failing == null && scored.status() != 200) {
            failing = scored;
        }
        if (failing != null) {
            answer(exchange, failing.status(), failing.json());
            return;
        }
        com.fasterxml.jackson.databind.JsonNode plans = JSON.readTree(ofPatient).path("items");
        String leading = leading(plans);
        String current = leading == null ? "null" : """
                {"planId":"%s","sessions":%s,"adherence":%s,"versions":%s,"earlierVersions":[],"measureSchedules":%s}
                """.formatted(leading, items(sessions), adherence, items(versions), items(schedules));
        String query = exchange.getRequestURI().getQuery();
        String patient = query == null ? "" : query.replaceAll(".*patientId=([^&]*).*", "$1");
        answer(exchange, 200, """
                {"patientId":"%s","plans":%s,"openAlerts":%s,"scores":%s,"instruments":%s,"current":%s}
                """.formatted(patient, plans, items(alerts), scored.json(), items(instruments), current));
    }

    /**
     * The patient's day ({@code GET /api/plans/mine/today}) made of what the separate reads above answer: {@link
     * #mine}, {@link #sessions} for each active plan with something due, {@link #media} by entry due, {@link #due}.
     */
    private static void day(HttpExchange exchange) throws IOException {
        lastDayCall = PatientServiceStub.caller(exchange) + " " + exchange.getRequestHeaders().getFirst("traceparent");
        var in = mineIn;
        com.fasterxml.jackson.databind.JsonNode mine = JSON.readTree(in == null ? PlanServiceStub.mine
                : in.apply(language(exchange)));
        com.fasterxml.jackson.databind.node.ObjectNode sessionsToday = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode mediaByEntry = JSON.createObjectNode();
        com.fasterxml.jackson.databind.JsonNode allMedia = JSON.readTree(media).path("items");
        for (var plan : mine.path("items")) {
            var dueToday = plan.path("today").path("items");
            if (!"ACTIVE".equals(plan.path("status").asText()) || dueToday.isEmpty()) {
                continue;
            }
            sessionsToday.set(plan.path("id").asText(), JSON.readTree(sessions).path("items"));
            for (var d : dueToday) {
                for (var item : plan.path("items")) {
                    String entry = item.path("exerciseId").asText(null);
                    if (item.path("id").asText().equals(d.path("itemId").asText()) && entry != null) {
                        var entryMedia = mediaByEntry.putArray(entry);
                        allMedia.forEach(m -> {
                            if (entry.equals(m.path("exerciseId").asText())) {
                                entryMedia.add(m);
                            }
                        });
                    }
                }
            }
        }
        String dueMeasures = mine.path("items").isEmpty() ? "[]" : items(due);
        answer(exchange, 200, "{\"plans\":" + mine + ",\"sessionsToday\":" + sessionsToday + ",\"media\":"
                + mediaByEntry + ",\"dueMeasures\":" + dueMeasures + "}");
    }

    private static String leading(com.fasterxml.jackson.databind.JsonNode plans) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> newestFirst = new java.util.ArrayList<>();
        plans.forEach(newestFirst::add);
        newestFirst.sort(java.util.Comparator.comparing(
                (com.fasterxml.jackson.databind.JsonNode p) -> p.path("createdAt").asText()).reversed());
        for (java.util.List<String> statuses : java.util.List.of(java.util.List.of("ACTIVE", "ON_HOLD"),
                java.util.List.of("DRAFT"))) {
            for (var plan : newestFirst) {
                if (statuses.contains(plan.path("status").asText())) {
                    return plan.path("id").asText();
                }
            }
        }
        return newestFirst.isEmpty() ? null : newestFirst.get(0).path("id").asText();
    }

    private static String items(String page) throws IOException {
        return JSON.readTree(page).path("items").toString();
    }

    /** The request's Accept-Language (kept in {@link #languagesAsked}), or null without one. */
    private static String language(HttpExchange exchange) {
        String language = exchange.getRequestHeaders().getFirst("Accept-Language");
        languagesAsked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + language);
        return language;
    }

    /** pat's calendar feed as plan-service keeps it: made when (null: none), and what the portal asked. */
    static volatile String calendarFeedCreatedAt;
    static final java.util.List<String> calendarFeedCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final String CALENDAR_URL = "https://homeprogram.example.org/api/calendar/"
            + "s3cr3tT0kenOfFortyThreeCharactersXXXXXXXXXX.ics";

    /** {@code /api/calendar-feed} as plan-service answers it: the caller's own feed, patients only (403 else). */
    private static void calendarFeed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        calendarFeedCalls.add(method + " " + PatientServiceStub.caller(exchange));
        if (!DemoUsers.PAT.equals(PatientServiceStub.caller(exchange))) {
            answer(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403}");
        } else if ("POST".equals(method)) {
            calendarFeedCreatedAt = "2026-12-02T09:30:00Z";
            byte[] body = ("{\"active\":true,\"createdAt\":\"" + calendarFeedCreatedAt + "\",\"url\":\""
                    + CALENDAR_URL + "\",\"webcalUrl\":\"" + CALENDAR_URL.replace("https://", "webcal://") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else if ("DELETE".equals(method)) {
            calendarFeedCreatedAt = null;
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            String createdAt = calendarFeedCreatedAt;
            answer(exchange, 200, createdAt == null ? "{\"active\":false}"
                    : "{\"active\":true,\"createdAt\":\"" + createdAt + "\",\"lastFetchedAt\":\"2026-12-02T11:00:00Z\"}");
        }
    }
}
