package care.homeprogram.portal;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.StandInService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for plan-service for the therapist's library and plan-safety pages, over real HTTP: it lists one
 * exercise and one template of tara's beside two seeded entries, a seeded template of both and theo's shared entry, serves one plan of pat's with its
 * thresholds and drink target, keeps every write it receives ({@link #writes}: method, path, body) and answers each
 * with {@link #answer} (200 with a minimal body when null), so a test can make plan-service refuse with its
 * problem+json.
 */
public class OwnLibraryPlanService extends StandInService {
    static final String OWN_EXERCISE = "e1000000-0000-4000-8000-000000000001";
    static final String SEEDED_EXERCISE = "e1000000-0000-4000-8000-000000000002";
    static final String THEOS_EXERCISE = "e1000000-0000-4000-8000-000000000003";
    static final String SEEDED_EXERCISE_TWO = "e1000000-0000-4000-8000-000000000004";
    static final String OWN_TEMPLATE = "a1000000-0000-4000-8000-000000000001";
    static final String SEEDED_TEMPLATE = "a1000000-0000-4000-8000-000000000002";
    static final String PLAN = "f1000000-0000-4000-8000-000000000001";
    static final String DOSE = "{\"sets\":2,\"reps\":10,\"timesPerDay\":1,\"daysOfWeek\":[\"MONDAY\"],\"weeks\":4}";

    /** The writes received, oldest first: "METHOD path body". */
    static final List<String> writes = new CopyOnWriteArrayList<>();
    /** plan-service's answer to the next writes, or null for 200. */
    static volatile PlanServiceStub.Answer answer;

    public OwnLibraryPlanService() {
        super("plan-service");
    }

    /** The media plan-service lists for any exercise (GET /api/exercises/{id}/media). */
    static volatile String media = "{\"items\":[],\"total\":0}";
    /** The bytes of the last upload received, as sent. */
    static volatile byte[] lastUpload;
    /** The Content-Type of the last upload received. */
    static volatile String lastUploadType;

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/exercises", exchange -> {
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/media")) {
                answer(exchange, 200, media);
            } else if (!write(exchange)) {
                answer(exchange, 200, "{\"items\":[" + exercise(OWN_EXERCISE, "Tara's wall reach",
                        DemoUsers.TARA.toString()) + "," + exercise(SEEDED_EXERCISE, "Bird dog", null) + ","
                        + exercise(THEOS_EXERCISE, "Theo's shared stretch", DemoUsers.THEO.toString()) + ","
                        + exercise(SEEDED_EXERCISE_TWO, "Dead bug", null) + "],\"total\":4}");
            }
        });
        server.createContext("/api/templates", exchange -> {
            if (!write(exchange)) {
                answer(exchange, 200, "{\"items\":[{\"id\":\"" + OWN_TEMPLATE + "\",\"slug\":\"x\","
                        + "\"name\":\"Tara's knees\",\"description\":\"Saved from a plan\",\"condition\":\"CUSTOM\","
                        + "\"acute\":false,\"sharedWithClinic\":false,\"ownerTherapistId\":\"" + DemoUsers.TARA
                        + "\",\"items\":[{\"exerciseId\":\"" + OWN_EXERCISE + "\",\"name\":\"Tara's wall reach\","
                        + "\"startWeek\":2,\"dose\":" + DOSE + ",\"targetRegions\":[]}]},"
                        + "{\"id\":\"" + SEEDED_TEMPLATE + "\",\"slug\":\"back\",\"name\":\"Back care\","
                        + "\"description\":\"The clinic's\",\"condition\":\"BACK_SPASM\",\"acute\":false,"
                        + "\"sharedWithClinic\":false,\"ownerTherapistId\":null,\"items\":[{\"exerciseId\":\""
                        + SEEDED_EXERCISE + "\",\"name\":\"Bird dog\",\"startWeek\":1,\"dose\":" + DOSE
                        + ",\"targetRegions\":[\"LOW_BACK\"]},{\"exerciseId\":\"" + SEEDED_EXERCISE_TWO
                        + "\",\"name\":\"Dead bug\",\"startWeek\":2,\"dose\":" + DOSE
                        + ",\"targetRegions\":[]}]}],\"total\":2}");
            }
        });
        server.createContext("/api/plans", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (write(exchange)) {
                return;
            }
            if (path.equals("/api/plans/mine")) {
                answer(exchange, 200, "{\"items\":[],\"total\":0}");
            } else if (path.equals("/api/plans/mine/today")) {
                answer(exchange, 200, "{\"plans\":{\"items\":[],\"total\":0}}"); // pat's Today, after sign-in
            } else if (path.endsWith("/hydration")) {
                answer(exchange, 200, "{\"planId\":\"" + PLAN + "\",\"targetLitres\":null,"
                        + "\"suggestion\":{\"minLitres\":3,\"maxLitres\":4,\"source\":\"the guide\"},"
                        + "\"restrictions\":[],\"minLitres\":0.5,\"maxLitres\":6,"
                        + "\"caution\":\"Check for a fluid or salt restriction first.\"}");
            } else if (path.equals("/api/plans/" + PLAN)) {
                answer(exchange, 200, "{\"id\":\"" + PLAN + "\",\"patientId\":\"" + DemoUsers.PAT
                        + "\",\"status\":\"ACTIVE\",\"version\":3,\"items\":[],"
                        + "\"thresholds\":{\"greenMax\":2,\"amberMax\":4,\"baselineRiseAlert\":2},"
                        + "\"clinicThresholds\":{\"greenMax\":3,\"amberMax\":5,\"baselineRiseAlert\":2}}");
            } else {
                answer(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
            }
        });
        server.createContext("/", exchange -> answer(exchange, 404,
                "{\"title\":\"Not found\",\"status\":404}"));
    }

    /** Keeps a write and answers it; false for a read. */
    private static boolean write(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method)) {
            return false;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getQuery();
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/images") || path.endsWith("/video")) {
            lastUpload = body;
            lastUploadType = exchange.getRequestHeaders().getFirst("Content-Type");
        }
        writes.add(method + " " + path + (query == null ? "" : "?" + query) + " "
                + new String(body, StandardCharsets.UTF_8));
        PlanServiceStub.Answer given = OwnLibraryPlanService.answer;
        if ("DELETE".equals(method) && given == null) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return true;
        }
        answer(exchange, given == null ? 200 : given.status(), given == null ? "{}" : given.json());
        return true;
    }

    private static String exercise(String id, String name, String owner) {
        return "{\"id\":\"" + id + "\",\"slug\":\"" + id + "\",\"name\":\"" + name + "\",\"category\":\"MOVEMENT\","
                + "\"summary\":\"Reach up\",\"instructions\":[\"Stand by a wall\",\"Reach up slowly\"],"
                + "\"cautions\":[\"Stop if it hurts\"],\"whySafe\":\"Small movement\",\"defaultDose\":" + DOSE
                + ",\"flags\":[],\"bodyRegions\":[],\"sharedWithClinic\":" + (owner != null) + ","
                + "\"ownerTherapistId\":" + (owner == null ? "null" : "\"" + owner + "\"") + ",\"contentVersion\":2}";
    }
}
