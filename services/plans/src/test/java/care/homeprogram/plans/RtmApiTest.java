package care.homeprogram.plans;

import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.TrafficLight;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote therapeutic monitoring through the API (docs/rtm.md): a therapist records the patient's consent and the
 * set-up, times and enters management time, and reads the month's summary, its CSV and the ledger, each proposal
 * traced to the sessions and time entries behind it. Every endpoint refuses foreign ids (404), the wrong role (403),
 * no token (401) and bad input (400 problem+json); every call is on the patient's audit record. The test clock's
 * zone and the service's RTM zone are both UTC.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class RtmApiTest {
    private static final String PROBLEMS = "https://homeprogram.care/problems/";

    @Inject
    AuditLog audit;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON);
    }

    /** A patient of tara's known only through events: their RTM starts from nothing. */
    private static UUID newPatientOfTara() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", patient);
        return patient;
    }

    private static ValidatableResponse consent(String who, UUID patient, String body) {
        return as(who).body(body).put("/api/rtm/patients/" + patient + "/consent").then();
    }

    private static void problem(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    @Test
    void consentSetupTimerAndManualTimeMakeTheMonthsSummaryCsvAndLedger() {
        UUID patient = newPatientOfTara();
        String base = "/api/rtm/patients/" + patient;
        as("tara").get(base).then().statusCode(200).body("patientId", equalTo(patient.toString()))
                .body("consent", nullValue()).body("setup", nullValue()).body("timer", nullValue());

        // nothing before consent
        problem(as("tara").body("{}").post(base + "/setup").then(), 409, "rtm-consent-missing");
        problem(as("tara").body("{}").post(base + "/timer/start").then(), 409, "rtm-consent-missing");
        problem(as("tara").body(manual(LocalDate.now(CLOCK), 10, true)).post(base + "/time").then(), 409,
                "rtm-consent-missing");

        consent("tara", patient, "{\"method\": \"VERBAL\", \"note\": \"Agreed on the phone\"}").statusCode(200)
                .body("consent.method", equalTo("VERBAL")).body("consent.recordedBy", equalTo(TARA.toString()))
                .body("consent.note", equalTo("Agreed on the phone")).body("consent.recordedAt", not(nullValue()));
        problem(consent("tara", patient, "{\"method\": \"WRITTEN\"}"), 409, "rtm-consent-recorded");
        as("tara").get(base).then().body("consent.method", equalTo("VERBAL"));

        as("tara").body("{\"note\": \"Showed the app\"}").post(base + "/setup").then().statusCode(201)
                .body("code", equalTo("98975")).body("recordedBy", equalTo(TARA.toString()))
                .body("note", equalTo("Showed the app"));
        problem(as("tara").body("{}").post(base + "/setup").then(), 409, "rtm-setup-recorded");

        // a timer of five minutes with a call to the patient
        as("tara").body("{}").post(base + "/timer/start").then().statusCode(201)
                .body("startedBy", equalTo(TARA.toString()));
        problem(as("tara").body("{}").post(base + "/timer/start").then(), 409, "rtm-timer-running");
        as("tara").get(base).then().body("timer.startedBy", equalTo(TARA.toString()));
        CLOCK.advance(Duration.ofMinutes(5));
        ValidatableResponse timed = as("tara").body("{\"interactive\": true, \"note\": \"Call about the pain\"}")
                .post(base + "/timer/stop").then().statusCode(201).body("source", equalTo("TIMER"))
                .body("minutes", equalTo(5)).body("interactive", equalTo(true));
        String timerEntry = timed.extract().path("id");
        int timerSeconds = timed.extract().path("seconds");
        assertThat(timerSeconds).isBetween(300, 359);
        LocalDate day = LocalDate.parse(timed.extract().path("date"));
        problem(as("tara").body("{\"interactive\": true}").post(base + "/timer/stop").then(), 409,
                "rtm-timer-not-running");
        as("tara").get(base).then().body("timer", nullValue());

        // 16 minutes reviewing the logs, entered by hand on the same day: 21 minutes in all
        String manualEntry = as("tara").body(manual(day, 16, false)).post(base + "/time").then().statusCode(201)
                .body("source", equalTo("MANUAL")).body("minutes", equalTo(16)).body("seconds", equalTo(960))
                .body("note", equalTo("Reviewed the logs")).extract().path("id");
        String month = YearMonth.from(day).toString();
        as("tara").get(base + "/time?month=" + month).then().statusCode(200).body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(timerEntry, manualEntry));

        as("tara").get(base + "/months/" + month).then().statusCode(200)
                .body("consentRecorded", equalTo(true)).body("minutes", equalTo(21))
                .body("interactiveMinutes", equalTo(5)).body("interactiveCommunication", equalTo(true))
                .body("setup.code", equalTo("98975"))
                .body("proposed.code", contains("98975", "98980")).body("proposed[1].units", equalTo(1))
                .body("timeEntries.id", containsInAnyOrder(timerEntry, manualEntry))
                .body("codeTableVersion", equalTo("cpt-2026"))
                .body("note", containsString("Nothing is billed automatically"));

        String csv = as("tara").get(base + "/months/" + month + ".csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).startsWith("month,patientId,code,units,reason");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith(month + "," + patient + ",98980,1,").contains(timerEntry)
                .contains(manualEntry).contains(",21,true,");

        as("tara").get("/api/rtm/ledger?month=" + month).then().statusCode(200).body("month", equalTo(month))
                .body("codeTableVersion", equalTo("cpt-2026")).body("patients.patientId", hasItem(patient.toString()))
                .body("patients.find { it.patientId == '" + patient + "' }.proposed.code", contains("98975", "98980"));
        String ledger = as("tara").get("/api/rtm/ledger.csv?month=" + month).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(ledger.lines().toList().getFirst())
                .startsWith("month,patientId,patientName,code,reason,dataDays,minutes,interactive");
        assertThat(ledger.lines().filter(l -> l.contains(patient.toString())).map(l -> l.split(",")[3]))
                .containsExactly("98975", "98980");
        // theo's ledger does not show tara's patient
        as("theo").get("/api/rtm/ledger?month=" + month).then().statusCode(200)
                .body("patients.patientId", not(hasItem(patient.toString())));
    }

    @Test
    void aFinishedPeriodCountsTheDaysWithVerifiedSessionsAndNamesThem() {
        UUID patient = newPatientOfTara();
        String base = "/api/rtm/patients/" + patient;
        consent("tara", patient, "{\"method\": \"ELECTRONIC\"}").statusCode(200);
        LocalDate consentDay = LocalDate.parse(as("tara").get(base).then().extract().<String>path("consent.recordedAt")
                .substring(0, 10));
        // sessions on three days of the first period (two on the first), one withdrawn on a fourth, one after it
        String planId = PlanFixtures.assign("tara", patient, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"templateId\": \"" + PlanFixtures.templateId("tara", PlanFixtures.ACUTE) + "\"}").statusCode(201)
                .extract().path("id");
        String itemId = PlanFixtures.firstItem("tara", planId);
        List<UUID> counted = new ArrayList<>();
        for (int day : new int[] { 0, 0, 3, 29 }) {
            counted.add(session(patient, planId, itemId, consentDay.plusDays(day), false));
        }
        UUID withdrawn = session(patient, planId, itemId, consentDay.plusDays(10), true);
        UUID later = session(patient, planId, itemId, consentDay.plusDays(30), false);

        LocalDate end = consentDay.plusDays(29);
        String month = YearMonth.from(end).toString();
        String period = "periods.find { it.end == '" + end + "' }";
        // still running: counted so far, nothing proposed yet
        as("tara").get(base + "/months/" + month).then().statusCode(200)
                .body(period + ".dataDays", equalTo(3)).body(period + ".complete", equalTo(false))
                .body(period + ".code", nullValue()).body("proposed.code", not(hasItem("98985")));

        CLOCK.advanceTo(end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60));
        as("tara").get(base + "/months/" + month).then().statusCode(200)
                .body(period + ".start", equalTo(consentDay.toString()))
                .body(period + ".dataDays", equalTo(3)).body(period + ".complete", equalTo(true))
                .body(period + ".dates", contains(consentDay.toString(), consentDay.plusDays(3).toString(),
                        end.toString()))
                .body(period + ".sessionIds", containsInAnyOrder(counted.stream().map(UUID::toString).toArray()))
                .body(period + ".sessionIds", not(hasItem(withdrawn.toString())))
                .body(period + ".sessionIds", not(hasItem(later.toString())))
                .body(period + ".code", equalTo("98985")).body(period + ".reason", containsString("3 data days"))
                .body("proposed.code", hasItem("98985"));
        String csv = as("tara").get(base + "/months/" + month + ".csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(l -> l.contains(",98985,")).toList()).singleElement()
                .satisfies(line -> counted.forEach(id -> assertThat(line).contains(id.toString())));
    }

    @Test
    void everyEndpointRefusesForeignIdsWrongRolesNoTokenAndBadInput() {
        UUID patient = newPatientOfTara();
        String base = "/api/rtm/patients/" + patient;
        String month = YearMonth.now(CLOCK).toString();
        String[][] calls = {
                { "GET", base, null },
                { "PUT", base + "/consent", "{\"method\": \"WRITTEN\"}" },
                { "POST", base + "/setup", "{}" },
                { "POST", base + "/timer/start", "{}" },
                { "POST", base + "/timer/stop", "{\"interactive\": false}" },
                { "DELETE", base + "/timer", null },
                { "POST", base + "/time", manual(LocalDate.now(CLOCK), 12, true) },
                { "GET", base + "/time?month=" + month, null },
                { "GET", base + "/months/" + month, null },
                { "GET", base + "/months/" + month + ".csv", null },
                { "GET", "/api/rtm/ledger?month=" + month, null },
                { "GET", "/api/rtm/ledger.csv?month=" + month, null } };
        for (String[] call : calls) {
            // no token
            given().contentType(ContentType.JSON).body(call[2] == null ? "{}" : call[2]).request(call[0], call[1])
                    .then().statusCode(401);
            // admin: never clinical RTM data
            call("ada", call).statusCode(403);
            boolean patientView = call[0].equals("GET") && call[1].equals(base);
            if (!patientView) {
                // a patient: only their own consent
                call("pat", call).statusCode(403);
            }
            if (call[1].startsWith(base)) {
                // foreign: theo is not in the patient's care; another patient's id is not pat's
                problem(call("theo", call), 404, "not-found");
                if (patientView) {
                    problem(call("pat", call), 404, "not-found");
                }
            }
        }
        // a patient reads their own consent
        as("pat").get("/api/rtm/patients/" + PAT).then().statusCode(200).body("patientId", equalTo(PAT.toString()))
                .body("timer", nullValue());
        // theo's refused consent recorded nothing
        as("tara").get(base).then().body("consent", nullValue());

        // bad input: 400 problem+json naming the field
        problem(consent("tara", patient, "{}"), 400, "validation");
        problem(consent("tara", patient, "{\"method\": \"CARRIER_PIGEON\"}"), 400, "malformed-body");
        problem(consent("tara", patient, "{\"method\": \"VERBAL\", \"note\": \"" + "x".repeat(501) + "\"}"), 400,
                "validation");
        consent("tara", patient, "{\"method\": \"WRITTEN\"}").statusCode(200);
        problem(as("tara").body("{\"note\": \"" + "x".repeat(501) + "\"}").post(base + "/setup").then(), 400,
                "validation");
        LocalDate today = LocalDate.now(CLOCK);
        for (String body : List.of(manual(today.plusDays(1), 10, true), manual(today.minusYears(2), 10, true),
                manual(today, 0, true), manual(today, 241, true), manual(today, 2_000_000_000, true),
                "{\"date\": \"" + today + "\", \"minutes\": 10, \"interactive\": true}",
                "{\"date\": \"" + today + "\", \"minutes\": 10, \"interactive\": true, \"note\": \" \"}",
                "{\"date\": \"" + today + "\", \"minutes\": 10, \"note\": \"x\"}")) {
            problem(as("tara").body(body).post(base + "/time").then(), 400, "validation");
        }
        problem(as("tara").body("{\"date\": \"2026-02-30\", \"minutes\": 10, \"interactive\": true, \"note\": \"x\"}")
                .post(base + "/time").then(), 400, "malformed-body");
        as("tara").body("{}").post(base + "/timer/start").then().statusCode(201);
        problem(as("tara").body("{}").post(base + "/timer/stop").then(), 400, "validation");
        as("tara").delete(base + "/timer").then().statusCode(204);
        problem(as("tara").delete(base + "/timer").then(), 409, "rtm-timer-not-running");
        for (String bad : List.of("2026-13", "26-01", "not-a-month", "9999-01", "2026-1")) {
            problem(as("tara").get(base + "/months/" + bad).then(), 400, "validation");
            problem(as("tara").get(base + "/months/" + bad + ".csv").then(), 400, "validation");
            problem(as("tara").get(base + "/time?month=" + bad).then(), 400, "validation");
            problem(as("tara").get("/api/rtm/ledger?month=" + bad).then(), 400, "validation");
            problem(as("tara").get("/api/rtm/ledger.csv?month=" + bad).then(), 400, "validation");
        }
        problem(as("tara").get("/api/rtm/ledger").then(), 400, "validation");
        as("tara").get(base + "/time?month=" + month).then().body("total", equalTo(0));
    }

    @Test
    void everyCallIsOnThePatientsAuditRecord() {
        UUID patient = newPatientOfTara();
        String base = "/api/rtm/patients/" + patient;
        consent("tara", patient, "{\"method\": \"VERBAL\"}").statusCode(200);
        String month = YearMonth.now(CLOCK).toString();
        for (String path : List.of(base, base + "/time?month=" + month, base + "/months/" + month,
                base + "/months/" + month + ".csv")) {
            assertThat(audited("tara", path, 200)).as(path).singleElement().satisfies(e -> {
                assertThat(e.patientId()).isEqualTo(patient);
                assertThat(e.actorSub()).isEqualTo(TARA.toString());
                assertThat(e.outcome()).isEqualTo("ALLOWED");
            });
            // a refused read is on the patient's record too
            assertThat(audited("theo", path, 404)).as(path).singleElement().satisfies(e -> {
                assertThat(e.patientId()).isEqualTo(patient);
                assertThat(e.outcome()).isEqualTo("DENIED");
            });
        }
        for (String path : List.of("/api/rtm/ledger?month=" + month, "/api/rtm/ledger.csv?month=" + month)) {
            assertThat(audited("tara", path, 200)).as(path).extracting(AuditEntry::patientId).contains(patient)
                    .doesNotContainNull();
        }
        String correlationId = "rtm-write-" + UUID.randomUUID();
        String entry = as("tara").header("X-Correlation-Id", correlationId).body(manual(LocalDate.now(CLOCK), 3, false))
                .post(base + "/time").then().statusCode(201).extract().path("id");
        assertThat(audit.byCorrelationId(correlationId)).singleElement().satisfies(e -> {
            assertThat(e.patientId()).isEqualTo(patient);
            assertThat(e.objectId()).isEqualTo(entry);
            assertThat(e.action()).isEqualTo("CREATE");
        });
    }

    private List<AuditEntry> audited(String who, String path, int status) {
        String correlationId = "rtm-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken(who)).header("X-Correlation-Id", correlationId).get(path).then()
                .statusCode(status);
        return audit.byCorrelationId(correlationId);
    }

    private static ValidatableResponse call(String who, String[] call) {
        RequestSpecification request = as(who);
        if (call[2] != null) {
            request = request.body(call[2]);
        }
        return request.request(call[0], call[1]).then();
    }

    private static String manual(LocalDate date, int minutes, boolean interactive) {
        return "{\"date\": \"" + date + "\", \"minutes\": " + minutes + ", \"interactive\": " + interactive
                + ", \"note\": \"Reviewed the logs\"}";
    }

    /** A session the patient logged at noon (UTC) of the day; the API's own logging is covered elsewhere. */
    private static UUID session(UUID patient, String planId, String itemId, LocalDate day, boolean withdrawn) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionLog session = new SessionLog();
            session.id = UUID.randomUUID();
            session.planId = UUID.fromString(planId);
            session.itemId = UUID.fromString(itemId);
            session.patientId = patient;
            session.performedAt = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
            session.painBefore = 2;
            session.painAfter = 2;
            session.symptoms = List.of();
            session.decision = Decision.CONTINUE;
            session.trafficLight = TrafficLight.GREEN;
            session.reasons = List.of();
            session.createdAt = session.performedAt;
            session.withdrawnAt = withdrawn ? session.performedAt.plusHours(1) : null;
            session.persist();
            return session.id;
        });
    }
}
