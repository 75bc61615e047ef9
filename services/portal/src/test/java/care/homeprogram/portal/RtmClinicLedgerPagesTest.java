package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.BillingStaff;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinic-wide RTM ledger for billing staff, with the real sign-in (a billing account made for the test) and
 * plan-service's stand-in ({@link RtmPlanService}): a billing person lands on it, picks the month, downloads the CSV
 * and the PDF, and sees nothing else in the navigation; every other page is refused them, and no one else gets theirs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RtmPlanService.class, restrictToAnnotatedClass = true)
class RtmClinicLedgerPagesTest {
    private static final String PASSWORD = "Billing-Portal-" + UUID.randomUUID();
    private static final Pattern NAV = Pattern.compile("<nav class=\"main-nav\".*?</nav>", Pattern.DOTALL);
    private static String billing;

    @TestHTTPResource("/")
    URL portal;

    @BeforeAll
    static void aBillingAccount() {
        billing = "billing-" + UUID.randomUUID().toString().substring(0, 8);
        RtmPlanService.billing = BillingStaff.create(billing, PASSWORD);
    }

    @BeforeEach
    void nothingRecorded() {
        RtmPlanService.reset();
        PatientServiceStub.billingIdentityLookups.clear();
        PatientServiceStub.billingIdentitiesDown = false;
    }

    @Test
    void billingLandsOnTheClinicLedgerSeesNothingElseAndDownloadsCsvAndPdf() throws Exception {
        Browser tara = signedIn("tara", "demo");
        HttpResponse<String> rtmPage = tara.get(uri("/patients/" + PAT + "/rtm"));
        tara.post(uri("/patients/" + PAT + "/rtm/consent"), with(rtmPage, Map.of("method", "ELECTRONIC")));
        tara.post(uri("/patients/" + PAT + "/rtm/time"), with(rtmPage, Map.of("date",
                LocalDate.now(ZoneOffset.UTC).toString(), "minutes", "45", "timeInteractive", "yes",
                "timeNote", "Call: the knee swelled again")));
        YearMonth month = YearMonth.now(ZoneOffset.UTC);

        Browser bill = new Browser();
        HttpResponse<String> landing = bill.signIn(uri("/"), billing, PASSWORD);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().getPath()).isEqualTo("/rtm/clinic-ledger");
        assertThat(landing.body()).contains("<h1>Clinic remote monitoring (RTM) ledger: " + label(month) + "</h1>")
                .contains("<th scope=\"row\">Pat Morgan, born " + PatientServiceStub.PAT_BIRTH_DATE
                        + "<br><span class=\"muted\">Patient id " + PAT + "</span></th>")
                .contains("<h3>Pat Morgan, born " + PatientServiceStub.PAT_BIRTH_DATE + " <span class=\"muted\">"
                        + "(patient id " + PAT + ")</span></h3>")
                .doesNotContain("temporarily unavailable")
                .contains("<td>98980</td><td>1</td><td>45 minutes with interactive communication (first 20)</td>")
                .contains("Data days 2026-11-15 to 2026-12-14: 16")
                .contains("Time entry " + LocalDate.now(ZoneOffset.UTC) + ": 45 minutes, with real-time interactive")
                .contains("Nothing is billed automatically")
                .contains("href=\"/rtm/clinic-ledger.csv?month=" + month + "\"")
                .contains("href=\"/rtm/clinic-ledger.pdf?month=" + month + "\"")
                .doesNotContain("the knee swelled").doesNotContain("href=\"/patients/");
        assertThat(navigation(landing.body())).contains("<a href=\"/rtm/clinic-ledger\">Clinic RTM ledger</a>")
                .doesNotContain("/patients").doesNotContain("/inbox").doesNotContain("/admin")
                .doesNotContain("/rtm/ledger\"").doesNotContain("/today");
        assertThat(RtmPlanService.clinicLedgerMonths).containsExactly(month.toString());
        // one name lookup for the page, with the ids on it
        assertThat(PatientServiceStub.billingIdentityLookups).containsExactly(List.of(PAT.toString()));

        // the month choice leads to the month before
        HttpResponse<String> before = bill.get(uri("/rtm/clinic-ledger?month=" + month.minusMonths(1)));
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Clinic remote monitoring (RTM) ledger: " + label(month.minusMonths(1)))
                .contains("href=\"/rtm/clinic-ledger?month=" + month.minusMonths(2) + "\"")
                .contains("href=\"/rtm/clinic-ledger?month=" + month + "\"");

        HttpResponse<byte[]> csv = bill.getBytes(uri("/rtm/clinic-ledger.csv?month=" + month));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rtm-clinic-ledger-" + month + ".csv\"");
        // plan-service's CSV with the name filled in and the birth date beside it
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("month,patientId,patientName,patientBirthDate,code,reason")
                .contains(month + "," + PAT + ",Pat Morgan," + PatientServiceStub.PAT_BIRTH_DATE
                        + ",98980,time with interactive communication,16,25,true");

        HttpResponse<byte[]> pdf = bill.getBytes(uri("/rtm/clinic-ledger.pdf?month=" + month));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rtm-clinic-ledger-" + month + ".pdf\"");
        assertThat(PdfText.of(pdf.body())).contains("Clinic remote monitoring (RTM) ledger — " + label(month))
                .contains("Prepared for: Billing " + billing).contains("Patient id " + PAT)
                .contains("Pat Morgan, born " + PatientServiceStub.PAT_BIRTH_DATE)
                .contains("98980 × 1 — 45 minutes with interactive communication (first 20)")
                .contains("Data days 15 Nov – 14 Dec 2026: 16, code 98977")
                .contains("Time entry " + LocalDate.now(ZoneOffset.UTC) + ": 45 minutes, with real-time interactive")
                .contains("Nothing is billed automatically").doesNotContain("the knee swelled");

        // without patient-service the ledger still shows, each patient by their id, and says why
        PatientServiceStub.billingIdentitiesDown = true;
        HttpResponse<String> withoutNames = bill.get(uri("/rtm/clinic-ledger?month=" + month));
        assertThat(withoutNames.statusCode()).isEqualTo(200);
        assertThat(withoutNames.body()).contains("names and birth dates are temporarily unavailable")
                .contains("Name unavailable<br><span class=\"muted\">Patient id " + PAT + "</span>")
                .contains("<td>98980</td>").doesNotContain("Pat Morgan");
        assertThat(PdfText.of(bill.getBytes(uri("/rtm/clinic-ledger.pdf?month=" + month)).body()))
                .contains("names and birth dates are temporarily unavailable").contains("Patient id " + PAT)
                .doesNotContain("Pat Morgan");
        assertThat(new String(bill.getBytes(uri("/rtm/clinic-ledger.csv?month=" + month)).body(),
                StandardCharsets.UTF_8)).contains(month + "," + PAT + ",,,98980,").doesNotContain("Pat Morgan");
        PatientServiceStub.billingIdentitiesDown = false;

        // with no consent anywhere, the ledger says so
        RtmPlanService.reset();
        assertThat(bill.get(uri("/rtm/clinic-ledger?month=" + month)).body())
                .contains("No patient of the clinic had consent to remote monitoring recorded");
    }

    @Test
    void billingGetsNoOtherPageAndNoOneElseGetsTheirs() throws Exception {
        Browser bill = new Browser();
        bill.signIn(uri("/"), billing, PASSWORD); // lands on the clinic ledger
        RtmPlanService.clinicLedgerMonths.clear();
        for (String path : List.of("/patients", "/patients/" + PAT, "/patients/" + PAT + "/rtm", "/rtm/ledger",
                "/rtm/ledger.csv", "/rtm/ledger.pdf", "/today", "/admin/accounts", "/library", "/care-team-requests")) {
            HttpResponse<String> refused = bill.get(uri(path));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("This page is not available for your role")
                    .doesNotContain("98980");
        }
        for (String bad : List.of("2026-13", "december", "99999-01", "2026-1")) {
            for (String path : List.of("/rtm/clinic-ledger", "/rtm/clinic-ledger.csv", "/rtm/clinic-ledger.pdf")) {
                HttpResponse<String> refused = bill.get(uri(path + "?month=" + bad));
                assertThat(refused.statusCode()).as(path + " " + bad).isEqualTo(400);
                assertThat(refused.body()).as(path).contains("The month must be written as YYYY-MM");
            }
        }

        for (String user : List.of("tara", "pat", "ada")) {
            Browser browser = new Browser();
            browser.signIn(uri("/"), user); // their own start page needs services this test does not stand in for
            for (String path : List.of("/rtm/clinic-ledger", "/rtm/clinic-ledger.csv", "/rtm/clinic-ledger.pdf")) {
                HttpResponse<String> refused = browser.get(uri(path));
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body()).as(user + " " + path).doesNotContain("Clinic remote monitoring");
            }
        }
        assertThat(RtmPlanService.clinicLedgerMonths).as("plan-service not asked for a refused page").isEmpty();
        assertThat(new Browser().get(uri("/rtm/clinic-ledger")).statusCode()).isIn(302, 401);
    }

    private static String navigation(String html) {
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).as("the page has a navigation").isTrue();
        return nav.group();
    }

    private static String label(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
    }

    private static Map<String, String> with(HttpResponse<String> page, Map<String, String> fields) {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("csrf-token", Browser.csrfToken(page.body()));
        return form;
    }

    private Browser signedIn(String user, String password) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user, password).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
