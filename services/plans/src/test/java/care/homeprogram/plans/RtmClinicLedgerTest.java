package care.homeprogram.plans;

import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.BillingStaff;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinic-wide RTM ledger for billing staff (docs/rtm.md "The clinic's ledger"): a billing account reads every
 * consenting patient of every therapist with the proposed codes and their trace (periods, session ids, time entries
 * with dates, minutes and the interactive flag, never the therapists' notes), as JSON and CSV, each patient on their
 * own audit record; nobody else reads it, and billing reads nothing else.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class RtmClinicLedgerTest {
    private static final String PROBLEMS = "https://homeprogram.care/problems/";
    private static final String PASSWORD = "Billing-test-" + UUID.randomUUID();
    private static String billing;
    private static UUID billingId;

    @Inject
    AuditLog audit;

    @BeforeAll
    static void aBillingAccount() {
        billing = "billing-" + UUID.randomUUID().toString().substring(0, 8);
        billingId = BillingStaff.create(billing, PASSWORD);
    }

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static RequestSpecification as(String who) {
        String token = who.equals(billing) ? Tokens.accessToken(billing, PASSWORD) : Tokens.accessToken(who);
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A patient of the therapist with consent and 25 interactive minutes today, the note saying something clinical. */
    private static UUID enrolledPatientOf(UUID therapistId, String therapist) {
        UUID patient = PlanFixtures.projectedPatient(therapistId);
        PlanFixtures.awaitCareTeam(therapist, patient);
        String base = "/api/rtm/patients/" + patient;
        as(therapist).body("{\"method\": \"VERBAL\", \"note\": \"Consented after discussing the sciatica\"}")
                .put(base + "/consent").then().statusCode(200);
        as(therapist).body("{\"note\": \"Showed the app, knee still swollen\"}").post(base + "/setup").then()
                .statusCode(201);
        as(therapist).body("{\"date\": \"" + LocalDate.now(CLOCK) + "\", \"minutes\": 25, \"interactive\": true, "
                + "\"note\": \"Call: pain 7/10 after the stairs\"}").post(base + "/time").then().statusCode(201);
        return patient;
    }

    private static void problem(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    @Test
    void billingReadsEveryConsentingPatientOfEveryTherapistWithCodesAndTraceButNoNotes() {
        UUID ofTara = enrolledPatientOf(TARA, "tara");
        UUID ofTheo = enrolledPatientOf(THEO, "theo");
        String month = YearMonth.now(CLOCK).toString();
        String today = LocalDate.now(CLOCK).toString();

        ValidatableResponse ledger = as(billing).get("/api/rtm/ledger/clinic?month=" + month).then().statusCode(200)
                .body("month", equalTo(month)).body("codeTableVersion", equalTo("cpt-2026"))
                .body("patients.patientId", hasItems(ofTara.toString(), ofTheo.toString()));
        for (UUID patient : List.of(ofTara, ofTheo)) {
            String row = "patients.find { it.patientId == '" + patient + "' }";
            ledger.body(row + ".proposed.code", contains("98975", "98980"))
                    .body(row + ".proposed[1].reason", containsString("25 minutes"))
                    .body(row + ".minutes", equalTo(25)).body(row + ".interactiveCommunication", equalTo(true))
                    .body(row + ".timeEntries.date", contains(today))
                    .body(row + ".timeEntries.minutes", contains(25))
                    .body(row + ".timeEntries.interactive", contains(true))
                    .body(row + ".setup.code", equalTo("98975"))
                    .body(row + ".note", containsString("Nothing is billed automatically"));
        }
        String body = ledger.extract().asString();
        assertThat(body).doesNotContain("sciatica").doesNotContain("knee still swollen").doesNotContain("pain 7/10");
        ledger.body("patients.timeEntries.flatten().note", everyItem(nullValue()))
                .body("patients.setup.note", everyItem(nullValue()));

        String csv = as(billing).get("/api/rtm/ledger/clinic.csv?month=" + month).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"rtm-clinic-ledger-" + month + ".csv\""))
                .extract().asString();
        assertThat(csv.lines().toList().getFirst()).isEqualTo("month,patientId,patientName,code,reason,dataDays,"
                + "minutes,interactive,units,codeTableVersion,evidenceDates,evidenceIds");
        for (UUID patient : List.of(ofTara, ofTheo)) {
            assertThat(csv.lines().filter(l -> l.contains(patient.toString())).map(l -> l.split(",")[3]))
                    .containsExactly("98975", "98980");
            assertThat(csv.lines().filter(l -> l.contains(patient.toString()) && l.contains(",98980,")))
                    .singleElement().satisfies(l -> assertThat(l).contains(",25,true,1,cpt-2026," + today + ","));
        }
        assertThat(csv).doesNotContain("pain 7/10").doesNotContain("sciatica");
    }

    @Test
    void aPatientWhoseConsentCameAfterTheMonthIsNotOnIt() {
        UUID patient = enrolledPatientOf(TARA, "tara");
        String lastMonth = YearMonth.now(CLOCK).minusMonths(1).toString();
        as(billing).get("/api/rtm/ledger/clinic?month=" + lastMonth).then().statusCode(200)
                .body("patients.patientId", not(hasItems(patient.toString())));
    }

    @Test
    void everyPatientReadIsOnThatPatientsAuditRecord() {
        UUID ofTara = enrolledPatientOf(TARA, "tara");
        UUID ofTheo = enrolledPatientOf(THEO, "theo");
        String month = YearMonth.now(CLOCK).toString();
        for (String path : List.of("/api/rtm/ledger/clinic?month=" + month,
                "/api/rtm/ledger/clinic.csv?month=" + month)) {
            String correlationId = "rtm-clinic-" + UUID.randomUUID();
            as(billing).header("X-Correlation-Id", correlationId).get(path).then().statusCode(200);
            List<AuditEntry> entries = audit.byCorrelationId(correlationId);
            assertThat(entries).as(path).extracting(AuditEntry::patientId).contains(ofTara, ofTheo)
                    .doesNotContainNull().doesNotHaveDuplicates();
            assertThat(entries).as(path).allSatisfy(e -> {
                assertThat(e.actorSub()).isEqualTo(billingId.toString());
                assertThat(e.actorRole()).isEqualTo("billing");
                assertThat(e.action()).isEqualTo("READ");
                assertThat(e.outcome()).isEqualTo("ALLOWED");
            });
        }
    }

    @Test
    void onlyBillingReadsItAndAMonthMustBeAMonth() {
        String month = YearMonth.now(CLOCK).toString();
        for (String path : List.of("/api/rtm/ledger/clinic?month=" + month,
                "/api/rtm/ledger/clinic.csv?month=" + month)) {
            given().get(path).then().statusCode(401);
            for (String who : List.of("tara", "theo", "pat", "ada")) {
                as(who).get(path).then().statusCode(403);
            }
        }
        for (String bad : List.of("2026-13", "26-01", "not-a-month", "2026-1", "9999-01", "1900-01",
                "99999999999-01")) {
            problem(as(billing).get("/api/rtm/ledger/clinic?month=" + bad).then(), 400, "validation");
            problem(as(billing).get("/api/rtm/ledger/clinic.csv?month=" + bad).then(), 400, "validation");
        }
        problem(as(billing).get("/api/rtm/ledger/clinic").then(), 400, "validation");
    }

    @Test
    void billingReadsNothingElse() {
        UUID patient = enrolledPatientOf(TARA, "tara");
        String month = YearMonth.now(CLOCK).toString();
        String planId = PlanFixtures.assign("tara", patient, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"templateId\": \"" + PlanFixtures.templateId("tara", PlanFixtures.ACUTE) + "\"}").statusCode(201)
                .extract().path("id");
        for (String path : List.of("/api/rtm/patients/" + patient, "/api/rtm/patients/" + patient + "/months/" + month,
                "/api/rtm/patients/" + patient + "/time?month=" + month, "/api/rtm/ledger?month=" + month,
                "/api/rtm/ledger.csv?month=" + month, "/api/plans?patientId=" + patient, "/api/plans/" + planId,
                "/api/plans/mine", "/api/plans/audit")) {
            as(billing).get(path).then().statusCode(403);
        }
        as(billing).body("{\"method\": \"WRITTEN\"}").put("/api/rtm/patients/" + patient + "/consent").then()
                .statusCode(403);
        as(billing).body("{\"date\": \"" + LocalDate.now(CLOCK) + "\", \"minutes\": 10, \"interactive\": true, "
                + "\"note\": \"x\"}").post("/api/rtm/patients/" + patient + "/time").then().statusCode(403);
    }
}
