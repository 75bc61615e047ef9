package care.homeprogram.portal;

import care.homeprogram.testing.StandInService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for patient-service's accounts, following its rules as docs/api.md states them: one therapist account
 * and one patient account; {@code PATCH {"clinicalLead": …}} designates or undesignates the therapist, and is a 409
 * {@code not-a-therapist} for the patient. Keeps every PATCH body it receives ({@link #patches}).
 */
public class AccountsServiceStub extends StandInService {
    static final String THERAPIST = "c1000000-0000-4000-8000-000000000001";
    static final String PATIENT = "c1000000-0000-4000-8000-000000000002";
    /** The PATCH bodies received, oldest first. */
    static final List<String> patches = new CopyOnWriteArrayList<>();
    static volatile boolean lead;

    public AccountsServiceStub() {
        super("patient-service");
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/accounts/", AccountsServiceStub::handle);
        // anything else is a patient-service that is down: the pages show it as unavailable
        server.createContext("/", exchange -> answer(exchange, 503, problem(503, "unavailable",
                "Stand-in: not served")));
    }

    private static synchronized void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/accounts/".length());
        boolean therapist = THERAPIST.equals(id);
        if (!therapist && !PATIENT.equals(id)) {
            answer(exchange, 404, problem(404, "not-found", "Account not found"));
            return;
        }
        if ("PATCH".equals(exchange.getRequestMethod())) {
            String body = body(exchange);
            patches.add(body);
            if (body.contains("\"clinicalLead\"") && !therapist) {
                answer(exchange, 409, problem(409, "not-a-therapist",
                        "Only a therapist can be designated clinical lead; this account is a patient account"));
                return;
            }
            if (body.contains("\"clinicalLead\":true")) {
                lead = true;
            } else if (body.contains("\"clinicalLead\":false")) {
                lead = false;
            }
        }
        answer(exchange, 200, therapist ? account(THERAPIST, "terry", "Terry", "therapist", lead)
                : account(PATIENT, "paula", "Paula", "patient", false));
    }

    private static String account(String id, String username, String name, String role, boolean clinicalLead) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"email\":\"" + username
                + "@test.homeprogram.test\",\"firstName\":\"" + name + "\",\"lastName\":\"Stand-in\",\"role\":\""
                + role + "\",\"enabled\":true,\"clinicalLead\":" + clinicalLead + "}";
    }
}
