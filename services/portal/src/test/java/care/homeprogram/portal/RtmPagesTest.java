package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.PdfText;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The therapist's remote-monitoring pages (RTM) with the real sign-in and stand-ins for patient-service
 * ({@link PatientServiceStub}: pat in tara's care) and plan-service's RTM API ({@link RtmPlanService}): tara records
 * consent and setup, times her work and enters time afterwards, each form sending plan-service the body its API
 * expects; the month's summary shows plan-service's periods, time and proposed codes; plan-service's refusals are
 * shown on the form; the ledger is a table, plan-service's CSV and a PDF the portal prints; nobody else gets any of it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RtmPlanService.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RtmPagesTest {
    private static final String PAGE = "/patients/" + PAT + "/rtm";

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void nothingRecorded() {
        RtmPlanService.reset();
    }

    @Test
    void thePatientPageLeadsToRemoteMonitoringWhichStartsWithoutConsent() throws Exception {
        Browser tara = signedIn("tara");
        assertThat(tara.get(uri("/patients/" + PAT)).body()).contains("Remote monitoring (RTM)")
                .contains("href=\"/patients/" + PAT + "/rtm\"");
        assertThat(tara.get(uri("/patients")).body()).contains("<a href=\"/rtm/ledger\">RTM ledger</a>");

        HttpResponse<String> page = tara.get(uri(PAGE));

        assertThat(page.statusCode()).isEqualTo(200);
        String month = RtmPagesTest.monthLabel(YearMonth.now(ZoneOffset.UTC));
        assertThat(page.body()).contains("<h1>Remote monitoring (RTM): Pat Morgan</h1>")
                .contains("Not recorded").contains("value=\"VERBAL\"").contains("value=\"WRITTEN\"")
                .contains("value=\"ELECTRONIC\"").contains("Record consent")
                .contains("Start the timer").doesNotContain("Stop the timer")
                .contains("<h2 id=\"month-heading\">" + month + "</h2>")
                .contains("No code is proposed for " + month)
                .contains("Nothing is billed automatically; a clinician reviews each proposal.")
                .contains("aria-label=\"Data periods ending in " + month + "\" tabindex=\"0\"")
                .contains("16 Nov, 18 Nov").contains("98977")
                .contains("href=\"/patients/" + PAT + "/rtm/months/" + YearMonth.now(ZoneOffset.UTC) + ".csv\"");
        assertThat(RtmPlanService.writes).isEmpty();
    }

    @Test
    void taraRecordsConsentSetupTimerAndTimeAndTheMonthProposesTheCodes() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> page = tara.get(uri(PAGE));

        HttpResponse<String> consented = tara.post(uri(PAGE + "/consent"), with(page,
                Map.of("method", "VERBAL", "consentNote", "Agreed on the phone")));
        assertThat(consented.statusCode()).isEqualTo(303);
        assertThat(RtmPlanService.writes).last().isEqualTo("PUT /api/rtm/patients/" + PAT
                + "/consent {\"method\":\"VERBAL\",\"note\":\"Agreed on the phone\"}");
        page = tara.follow(consented);
        assertThat(page.body()).contains("The patient&#39;s consent to remote monitoring is recorded.")
                .contains("Verbal consent recorded on 1 Dec 2026, 10:00 by Tara Lindqvist (you): “Agreed on the phone”")
                .doesNotContain("Record consent");

        HttpResponse<String> setUp = tara.post(uri(PAGE + "/setup"), with(page, Map.of("setupNote", "")));
        assertThat(setUp.statusCode()).isEqualTo(303);
        assertThat(RtmPlanService.writes).last().isEqualTo("POST /api/rtm/patients/" + PAT + "/setup {\"note\":null}");
        page = tara.follow(setUp);
        assertThat(page.body()).contains("Setup and education (98975) recorded on 1 Dec 2026, 10:30 by Tara Lindqvist");

        HttpResponse<String> started = tara.post(uri(PAGE + "/timer/start"), with(page, Map.of()));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(RtmPlanService.writes).last().isEqualTo("POST /api/rtm/patients/" + PAT + "/timer/start {}");
        page = tara.follow(started);
        assertThat(page.body()).contains("running since <strong>2 Dec 2026, 11:00</strong>")
                .contains("included a real-time interactive communication").contains("Stop the timer")
                .doesNotContain("Start the timer");

        HttpResponse<String> stopped = tara.post(uri(PAGE + "/timer/stop"), with(page,
                Map.of("interactive", "yes", "stopNote", "Video call about the exercises")));
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(RtmPlanService.writes).last().isEqualTo("POST /api/rtm/patients/" + PAT
                + "/timer/stop {\"interactive\":true,\"note\":\"Video call about the exercises\"}");
        page = tara.follow(stopped);
        assertThat(page.body()).contains("The timer is stopped").contains("Start the timer")
                .contains("Video call about the exercises")
                // 15 minutes with a call: plan-service proposes 98979, not yet 98980
                .contains("<li><strong>98979</strong> × 1 — 10–19 minutes with interactive communication</li>");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpResponse<String> entered = tara.post(uri(PAGE + "/time"), with(page, Map.of("date", today.toString(),
                "minutes", "10", "timeNote", "Reviewed the pain diary")));
        assertThat(entered.statusCode()).isEqualTo(303);
        assertThat(entered.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("month=" + YearMonth.from(today)));
        assertThat(RtmPlanService.writes).last().isEqualTo("POST /api/rtm/patients/" + PAT + "/time {\"date\":\""
                + today + "\",\"minutes\":10,\"interactive\":false,\"note\":\"Reviewed the pain diary\"}");
        page = tara.follow(entered);

        assertThat(page.body()).contains("The time is recorded.")
                .contains("25 minutes in " + monthLabel(YearMonth.from(today))
                        + ", of which 15 with real-time interactive communication.")
                .contains("<p>25 minutes, with interactive communication</p>")
                .contains("<li><strong>98980</strong> × 1 — 25 minutes with interactive communication (first 20)</li>")
                .doesNotContain("<strong>98979</strong>")
                .contains("<td>Timer</td>").contains("<td>Entered</td>").contains("Reviewed the pain diary");

        HttpResponse<byte[]> csv = tara.getBytes(uri(PAGE + "/months/" + YearMonth.from(today) + ".csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"rtm-" + YearMonth.from(today) + "-" + PAT + ".csv\"");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(
                "month,code,units,reason\n" + YearMonth.from(today) + ",evidence of pat\n");

        // another month is one link away, and is its own summary
        String previous = YearMonth.from(today).minusMonths(1).toString();
        assertThat(page.body()).contains("href=\"/patients/" + PAT + "/rtm?month=" + previous + "#month\"");
        assertThat(tara.get(uri(PAGE + "?month=" + previous)).body())
                .contains("0 minutes in " + monthLabel(YearMonth.parse(previous)));
    }

    @Test
    void plansServiceRefusalsAreShownOnTheFormTheyConcern() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> page = tara.get(uri(PAGE));

        // without consent: setup and the timer are refused by plan-service, in words that say what to do
        HttpResponse<String> setUp = tara.post(uri(PAGE + "/setup"), with(page, Map.of("setupNote", "")));
        assertThat(setUp.statusCode()).isEqualTo(409);
        assertThat(setUp.body()).contains("<title>Error: Remote monitoring (RTM)")
                .contains("role=\"alert\"><p>Record the patient&#39;s consent to remote monitoring first");
        HttpResponse<String> started = tara.post(uri(PAGE + "/timer/start"), with(page, Map.of()));
        assertThat(started.statusCode()).isEqualTo(409);
        assertThat(started.body()).contains("Record the patient&#39;s consent to remote monitoring first");
        HttpResponse<String> stopped = tara.post(uri(PAGE + "/timer/stop"), with(page, Map.of("stopNote", "x")));
        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(stopped.body()).contains("You have no timer running for this patient");

        // the portal's own check: no write is sent for a form that cannot be right
        int sent = RtmPlanService.writes.size();
        HttpResponse<String> typo = tara.post(uri(PAGE + "/time"), with(page, Map.of("date", "yesterday",
                "minutes", "ten", "timeNote", "")));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("<p class=\"field__error\" id=\"date-error\">Must be a date such as 2026-12-01</p>")
                .contains("<p class=\"field__error\" id=\"minutes-error\">Must be a whole number of minutes")
                .contains("<p class=\"field__error\" id=\"timeNote-error\">Required</p>")
                .contains("value=\"ten\"");
        assertThat(RtmPlanService.writes).hasSize(sent);

        tara.post(uri(PAGE + "/consent"), with(page, Map.of("method", "WRITTEN", "consentNote", "")));
        // plan-service's field error next to the field it names, the form as typed
        HttpResponse<String> tooLong = tara.post(uri(PAGE + "/time"), with(page, Map.of("date",
                LocalDate.now(ZoneOffset.UTC).toString(), "minutes", "500", "timeNote", "A long call")));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("<p class=\"field__error\" id=\"minutes-error\">Must be between 1 and 240</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"minutes-error\"").contains("A long call");
        HttpResponse<String> again = tara.post(uri(PAGE + "/consent"), with(page, Map.of("method", "VERBAL")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Written consent recorded")
                .contains("The patient&#39;s consent is already recorded: it is recorded once.");
        tara.post(uri(PAGE + "/timer/start"), with(page, Map.of()));
        HttpResponse<String> twice = tara.post(uri(PAGE + "/timer/start"), with(page, Map.of()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("Your timer for this patient is already running");

        // a consent method the form does not offer is not sent
        sent = RtmPlanService.writes.size();
        RtmPlanService.reset();
        HttpResponse<String> odd = tara.post(uri(PAGE + "/consent"), with(page, Map.of("method", "TELEPATHY")));
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("Choose how the patient gave their consent");
        assertThat(RtmPlanService.writes).isEmpty();
    }

    @Test
    void theLedgerListsTheProposalsAndDownloadsAsCsvAndPdf() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> page = tara.get(uri(PAGE));
        tara.post(uri(PAGE + "/consent"), with(page, Map.of("method", "ELECTRONIC")));
        tara.post(uri(PAGE + "/time"), with(page, Map.of("date", LocalDate.now(ZoneOffset.UTC).toString(),
                "minutes", "45", "timeInteractive", "yes", "timeNote", "Call and data review")));
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        HttpResponse<String> ledger = tara.get(uri("/rtm/ledger?month=" + month));

        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("Remote monitoring (RTM) ledger: " + monthLabel(YearMonth.parse(month)))
                .contains("role=\"region\" aria-label=\"Codes proposed for " + monthLabel(YearMonth.parse(month))
                        + "\" tabindex=\"0\"")
                .contains("<a href=\"/patients/" + PAT + "/rtm?month=" + month + "\">Pat Morgan</a>")
                .contains("<td>98980</td><td>1</td><td>45 minutes with interactive communication (first 20)</td>")
                .contains("<td>98981</td><td>1</td><td>each further 20 minutes</td>")
                .contains("Nothing is billed automatically");

        HttpResponse<byte[]> csv = tara.getBytes(uri("/rtm/ledger.csv?month=" + month));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rtm-ledger-" + month + ".csv\"");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("month,patientId,patientName,code,reason,dataDays,minutes,interactive\n")
                .contains(month + "," + PAT + ",Pat Morgan,98980");

        HttpResponse<byte[]> pdf = tara.getBytes(uri("/rtm/ledger.pdf?month=" + month));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(PdfText.of(pdf.body())).contains("Remote monitoring (RTM) ledger — " + monthLabel(YearMonth.parse(month)))
                .contains("Therapist: Tara Lindqvist").contains("Pat Morgan")
                .contains("98980 × 1 — 45 minutes with interactive communication (first 20)")
                .contains("98981 × 1 — each further 20 minutes")
                .contains("Data days 15 Nov – 14 Dec 2026: 16, code 98977")
                .contains("Time this month: 45 minutes, of which 45 minutes with real-time interactive communication — "
                        + "45 minutes, with interactive communication")
                .contains("Nothing is billed automatically");

        // without consent, nobody is on it
        RtmPlanService.reset();
        assertThat(tara.get(uri("/rtm/ledger?month=" + month)).body())
                .contains("None of your patients has consent to remote monitoring recorded");
        assertThat(PdfText.of(tara.getBytes(uri("/rtm/ledger.pdf?month=" + month)).body()))
                .contains("None of your patients has consent to remote monitoring recorded.");
    }

    @Test
    void onlyTheCareTeamsTherapistGetsThePagesAndAMonthMustBeAMonth() throws Exception {
        Browser tara = signedIn("tara");
        // a patient outside tara's care team: plan-service does not know them for her, so neither does the portal
        HttpResponse<String> foreign = tara.get(uri("/patients/" + SAM + "/rtm"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(tara.get(uri("/patients/" + SAM + "/rtm/months/2026-12.csv")).statusCode()).isEqualTo(404);
        HttpResponse<String> foreignWrite = tara.post(uri("/patients/" + SAM + "/rtm/timer/start"),
                with(tara.get(uri(PAGE)), Map.of()));
        assertThat(foreignWrite.statusCode()).isEqualTo(404);

        for (String bad : List.of(PAGE + "?month=2026-13", PAGE + "?month=december", "/rtm/ledger?month=99999-01",
                "/rtm/ledger.csv?month=x", "/rtm/ledger.pdf?month=2026-1", PAGE + "/months/2026-00.csv")) {
            HttpResponse<String> refused = tara.get(uri(bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("The month must be written as YYYY-MM");
        }
        assertThat(tara.get(uri("/patients/not-a-uuid/rtm")).statusCode()).isIn(400, 404);

        for (String user : new String[] { "pat", "ada" }) {
            Browser browser = new Browser();
            browser.signIn(uri("/"), user); // their own start page needs services this test does not stand in for
            for (String path : List.of(PAGE, PAGE + "/months/2026-12.csv", "/rtm/ledger", "/rtm/ledger.csv",
                    "/rtm/ledger.pdf")) {
                HttpResponse<String> refused = browser.get(uri(path));
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body()).as(user + " " + path).contains("This page is not available for your role")
                        .doesNotContain("Remote monitoring (RTM)").doesNotContain("98977");
            }
        }
        assertThat(RtmPlanService.writes).as("nothing sent for a refused page").allMatch(w -> w.contains(SAM.toString()));
        assertThat(new Browser().get(uri(PAGE)).statusCode()).isIn(302, 401);
    }

    /** Last: its failures count towards plan-service's circuit breaker. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aSummaryPlanServiceCannotGiveIsSaidAndWithoutTheRecordsItIsAClear503() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> page = tara.get(uri(PAGE));
        tara.post(uri(PAGE + "/consent"), with(page, Map.of("method", "WRITTEN")));
        RtmPlanService.monthFailing = true;

        HttpResponse<String> partly = tara.get(uri(PAGE));
        assertThat(partly.statusCode()).isEqualTo(200);
        assertThat(partly.body()).contains("Written consent recorded")
                .contains("The month's summary is temporarily unavailable").doesNotContain("Codes proposed");

        RtmPlanService.allFailing = true;
        HttpResponse<String> down = tara.get(uri(PAGE));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("temporarily unavailable").doesNotContain("Exception");
    }

    private static String monthLabel(YearMonth month) {
        return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH));
    }

    private static Map<String, String> with(HttpResponse<String> page, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", Browser.csrfToken(page.body()));
        return form;
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
