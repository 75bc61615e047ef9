package care.homeprogram.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.OpenApiOperations.Operation;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.BiPredicate;

/**
 * Calls every operation of the service's OpenAPI document anonymously and as ada (admin), tara (therapist) and pat
 * (patient), and checks the audit trail after each call: the call left a record with its template, method, status,
 * action, outcome and caller, under the correlation id it sent (and got back); and a call that touched a patient's
 * data names the patient. A call that showed several patients' data (a list) leaves one record per patient, each
 * otherwise the same.
 *
 * <p>
 * "Touched": the operation reads or changes a patient's data when this caller, tara or pat, calls it
 * ({@code touchesPatient}), and the answer is not one given before any data was read (400 from validating the
 * request, 401/403 from the role check, 405, 415). The walk's ids ({@code path}) are real objects of pat in tara's
 * care, so those calls reach the data. No call may answer 500.
 */
public final class AuditTrailWalk {
    private static final String[] CALLERS = { null, "ada", "tara", "pat" };
    private static final Set<Integer> REFUSED_BEFORE_READING = Set.of(400, 401, 403, 405, 415);

    private final String service;
    private final Function<String, List<?>> recordsByCorrelationId;
    private final Function<Operation, String> path;
    private final BiPredicate<Operation, String> touchesPatient;
    private final UUID patient;

    /**
     * @param service the service name in the records, e.g. plan-service
     * @param recordsByCorrelationId the service's {@code AuditLog.byCorrelationId} (its {@code AuditEntry} records)
     * @param path the URL path (and query) to call for an operation, with real ids
     * @param touchesPatient the operations that read or change a patient's data, for a caller (tara or pat)
     * @param patient the patient the walk's ids belong to
     */
    public AuditTrailWalk(String service, Function<String, List<?>> recordsByCorrelationId,
            Function<Operation, String> path, BiPredicate<Operation, String> touchesPatient, UUID patient) {
        this.service = service;
        this.recordsByCorrelationId = recordsByCorrelationId;
        this.path = path;
        this.touchesPatient = touchesPatient;
        this.patient = patient;
    }

    /** Walks every operation; returns how many calls were checked. */
    public int walk(List<Operation> operations) {
        int calls = 0;
        for (Operation operation : operations) {
            for (String who : CALLERS) {
                call(operation, who);
                calls++;
            }
        }
        return calls;
    }

    private void call(Operation operation, String who) {
        String correlationId = "audit-walk-" + UUID.randomUUID();
        RequestSpecification request = given().header("X-Correlation-Id", correlationId);
        String token = null;
        if (who != null) {
            token = Tokens.accessToken(who);
            request = request.auth().oauth2(token);
        }
        if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        Response response = request.when().request(operation.method(), path.apply(operation));
        String as = operation + " as " + who + " (" + response.statusCode() + ")";
        assertThat(response.header("X-Correlation-Id")).as(as).isEqualTo(correlationId);

        List<?> records = recordsByCorrelationId.apply(correlationId);
        assertThat(records).as("audit records of %s", as).isNotEmpty();
        Set<Object> patients = new HashSet<>();
        for (Object record : records) {
            assertThat(field(record, "resource")).as(as).isEqualTo(operation.template());
            assertThat(field(record, "method")).as(as).isEqualTo(operation.method());
            assertThat(field(record, "status")).as(as).isEqualTo(response.statusCode());
            assertThat(field(record, "service")).as(as).isEqualTo(service);
            assertThat(field(record, "action")).as(as).isEqualTo(action(operation.method()));
            assertThat(field(record, "outcome")).as(as).isEqualTo(outcome(response.statusCode()));
            if (who == null) {
                assertThat(field(record, "actorRole")).as(as).isEqualTo("anonymous");
                assertThat(field(record, "outcome")).as(as).isEqualTo("DENIED");
            } else {
                assertThat(field(record, "actorSub")).as(as).isEqualTo(Tokens.subject(token));
                assertThat(field(record, "actorRole")).as(as).isEqualTo(switch (who) {
                    case "ada" -> "admin";
                    case "tara" -> "therapist";
                    default -> "patient";
                });
                assertThat(field(record, "clientId")).as(as).isEqualTo("homeprogram-cli");
            }
            assertThat(patients.add(field(record, "patientId"))).as("one record per patient: " + as).isTrue();
        }
        if (records.size() > 1) {
            assertThat(patients).as("a list's records each name a patient: " + as).doesNotContainNull();
        }
        assertThat(response.statusCode()).as(as).isLessThan(500);
        boolean reachedData = who != null && !who.equals("ada")
                && !REFUSED_BEFORE_READING.contains(response.statusCode());
        if (reachedData && touchesPatient.test(operation, who)) {
            assertThat(patients).as("the patient of " + as).contains(patient);
        }
    }

    private static String action(String method) {
        return switch (method) {
            case "GET" -> "READ";
            case "POST" -> "CREATE";
            case "DELETE" -> "DELETE";
            default -> "UPDATE";
        };
    }

    private static String outcome(int status) {
        return status == 401 || status == 403 || status == 404 ? "DENIED" : status >= 500 ? "ERROR" : "ALLOWED";
    }

    /** The records are commons' AuditEntry, which this module cannot name (the portal's tests use it too). */
    private static Object field(Object record, String name) {
        try {
            Method accessor = record.getClass().getMethod(name);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not an audit entry: " + record, e);
        }
    }
}
