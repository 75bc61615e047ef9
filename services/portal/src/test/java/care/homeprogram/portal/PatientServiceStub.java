package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;

import care.homeprogram.testing.StandInService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for patient-service, as far as the intake screen needs one: pat's record (in tara's care) with its intake
 * screen, {@code PUT /api/patients/{id}/intake} for a therapist of the care team, and {@code GET}/{@code PUT
 * /api/patients/me/intake} for the patient (once: then 409 {@code intake-recorded}). It follows patient-service's
 * rules as docs/api.md states them: the caller is the access token's subject, a record outside the caller's reach is
 * a 404, an age outside 0–120 a 400 with the field named, and each "yes" raises its flag. Anything else is a 404.
 */
public class PatientServiceStub extends StandInService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("historyOfCancer", "HISTORY_OF_CANCER"),
            Map.entry("steroidUse", "STEROID_USE"), Map.entry("trauma", "TRAUMA"),
            Map.entry("immunosuppression", "IMMUNOSUPPRESSION"), Map.entry("ivDrugUse", "IV_DRUG_USE"),
            Map.entry("recentBacterialInfection", "RECENT_BACTERIAL_INFECTION"),
            Map.entry("osteoporosis", "OSTEOPOROSIS"),
            Map.entry("noImprovementAfterAMonth", "NO_IMPROVEMENT_AFTER_A_MONTH"),
            Map.entry("fluidRestriction", "FLUID_RESTRICTION"), Map.entry("saltRestriction", "SALT_RESTRICTION"));
    private static final Set<UUID> PATS_CARE_TEAM = Set.of(TARA);

    /** pat's preferredLanguage as patient-service keeps it (null: none), changed by {@code PATCH /api/patients/me}. */
    static volatile String preferredLanguage;
    /** The body of the last {@code PATCH /api/patients/me}, as the portal sent it. */
    static volatile String lastPreferencesChange;

    /** pat's birth date, as patient-service tells billing staff. */
    static final String PAT_BIRTH_DATE = "1984-03-02";
    /** The ids of each {@code GET /api/patients/billing-identities}, in order. */
    static final List<List<String>> billingIdentityLookups = new CopyOnWriteArrayList<>();
    /** While true, the billing staff's name lookup answers 503 (patient-service down for it). */
    static volatile boolean billingIdentitiesDown;

    /** pat's recorded screen, or null while none is recorded. */
    private static volatile Screen screen;
    /** How often pat read their own intake ({@code GET /api/patients/me/intake}) since the last {@link #reset()}. */
    private static final java.util.concurrent.atomic.AtomicInteger ownIntakeReads =
            new java.util.concurrent.atomic.AtomicInteger();

    record Screen(List<String> flags, OffsetDateTime at, UUID by) {
    }

    public PatientServiceStub() {
        super("patient-service");
    }

    /** pat is not screened (each test starts from a patient at first sign-in). */
    static void reset() {
        screen = null;
        ownIntakeReads.set(0);
    }

    static int ownIntakeReads() {
        return ownIntakeReads.get();
    }

    static Screen screen() {
        return screen;
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/patients", PatientServiceStub::patients);
        // the clinic's therapists, for the names on the patient page's history and the progress report
        server.createContext("/api/therapists", exchange -> answer(exchange, 200, "{\"items\":[{\"id\":\"" + TARA
                + "\",\"username\":\"tara\",\"firstName\":\"Tara\",\"lastName\":\"Lindqvist\"}],\"total\":1}"));
        server.createContext("/", exchange -> answer(exchange, 404,
                problem(404, "not-found", "Not found")));
    }

    private static void patients(HttpExchange exchange) throws IOException {
        UUID caller = caller(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean reachable = caller != null && (caller.equals(PAT) || PATS_CARE_TEAM.contains(caller));
        if (path.equals("/api/patients/billing-identities") && "GET".equals(method)) {
            billingIdentities(exchange, caller);
        } else if (path.equals("/api/patients") && "GET".equals(method)) {
            // The therapist's start page lists their patients; the intake tests never read the list.
            answer(exchange, 200, "{\"items\":[],\"total\":0}");
        } else if (path.equals("/api/patients/me/intake") && PAT.equals(caller)) {
            if ("PUT".equals(method)) {
                if (screen != null) {
                    answer(exchange, 409, problem(409, "intake-recorded",
                            "Your intake screen is recorded; your therapist can update it"));
                    return;
                }
                record(exchange, caller);
                return;
            }
            ownIntakeReads.incrementAndGet();
            answer(exchange, 200, intake());
        } else if (path.equals("/api/patients/" + PAT + "/intake") && reachable && !caller.equals(PAT)
                && "PUT".equals(method)) {
            record(exchange, caller);
        } else if (path.equals("/api/patients/me") && PAT.equals(caller) && "PATCH".equals(method)) {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            lastPreferencesChange = body;
            JsonNode language = JSON.readTree(body).path("preferredLanguage");
            if (language.isTextual()) {
                preferredLanguage = language.asText();
            }
            answer(exchange, 200, pat());
        } else if ((path.equals("/api/patients/" + PAT) && reachable
                || path.equals("/api/patients/me") && PAT.equals(caller)) && "GET".equals(method)) {
            answer(exchange, 200, pat());
        } else {
            answer(exchange, 404, problem(404, "not-found", "Patient not found"));
        }
    }

    /**
     * Billing staff's name lookup: only the test's billing account ({@link RtmPlanService#billing}); pat is the one
     * patient known, any other id is left out.
     */
    private static void billingIdentities(HttpExchange exchange, UUID caller) throws IOException {
        if (caller == null || !caller.equals(RtmPlanService.billing)) {
            answer(exchange, caller == null ? 401 : 403, problem(403, "forbidden", "Not billing"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        List<String> ids = query == null ? List.of() : Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("id=")).map(p -> p.substring(3)).toList();
        billingIdentityLookups.add(ids);
        if (billingIdentitiesDown) {
            answer(exchange, 503, problem(503, "unavailable", "Down for the test"));
            return;
        }
        List<Map<String, Object>> known = new ArrayList<>();
        if (ids.contains(PAT.toString())) {
            known.add(Map.of("id", PAT, "firstName", "Pat", "lastName", "Morgan", "birthDate", PAT_BIRTH_DATE));
        }
        answer(exchange, 200, JSON.writeValueAsString(known));
    }

    /** patient-service's PatientView of pat. */
    private static String pat() throws IOException {
        Map<String, Object> pat = new LinkedHashMap<>();
        pat.put("id", PAT);
        pat.put("username", "pat");
        pat.put("firstName", "Pat");
        pat.put("lastName", "Morgan");
        pat.put("email", "pat@demo.homeprogram.test");
        pat.put("timeZone", "Europe/Berlin");
        pat.put("status", "ACTIVE");
        pat.put("therapistIds", List.copyOf(PATS_CARE_TEAM));
        pat.put("preferredLanguage", preferredLanguage);
        pat.put("intake", JSON.readTree(intake()));
        return JSON.writeValueAsString(pat);
    }

    private static void record(HttpExchange exchange, UUID caller) throws IOException {
        JsonNode answers = JSON.readTree(exchange.getRequestBody());
        JsonNode age = answers.path("ageAtFirstOnset");
        if (age.isInt() && (age.asInt() < 0 || age.asInt() > 120)) {
            answer(exchange, 400, """
                    {"type":"https://homeprogram.care/problems/validation","title":"Invalid input","status":400,
                     "detail":"ageAtFirstOnset: must be an age in years",
                     "errors":[{"field":"ageAtFirstOnset","message":"must be an age in years"}]}""");
            return;
        }
        List<String> flags = new ArrayList<>();
        if (age.isInt() && age.asInt() < 20) {
            flags.add("ONSET_UNDER_20");
        }
        if (age.isInt() && age.asInt() > 50) {
            flags.add("ONSET_OVER_50");
        }
        FLAGS.forEach((answer, flag) -> {
            if (answers.path(answer).asBoolean(false)) {
                flags.add(flag);
            }
        });
        screen = new Screen(flags.stream().sorted().toList(), OffsetDateTime.of(2026, 12, 2, 9, 30, 0, 0,
                ZoneOffset.UTC), caller);
        answer(exchange, 200, intake());
    }

    /** patient-service's IntakeView of pat. */
    private static String intake() throws IOException {
        Screen current = screen;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("patientId", PAT);
        view.put("flags", current == null ? List.of() : current.flags());
        view.put("requiresSignOff", current != null && !current.flags().isEmpty());
        view.put("screenedAt", current == null ? null : current.at().toString());
        view.put("screenedBy", current == null ? null : current.by());
        return JSON.writeValueAsString(view);
    }
}
