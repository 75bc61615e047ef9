package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A therapist invites patients from a CSV file: the preview names each row's problems and creates nothing; "create"
 * sends only the valid rows, once each, and reports what patient-service said per row (a taken username). An admin
 * does the same for the care of an active therapist she chooses. Files over the bound are a 413 page, forms without
 * the CSRF token are refused, and only therapists and admins reach the pages.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = CareTeamServiceStub.class, restrictToAnnotatedClass = true)
class PatientImportTest {
    private static final Pattern CSV_FIELD = Pattern.compile("<textarea name=\"csv\" hidden>([^<]*)</textarea>");
    private static final String FILE = """
            firstName,lastName,email,birthDate,timeZone,username
            Ines,Quell,ines.quell@example.test,1975-02-03,Europe/Vienna,
            ,Nameless,nameless@example.test,1980-01-01,Europe/Berlin,
            Bad,Email,not-an-email,1980-01-01,Europe/Berlin,
            Dup,Licate,ines.quell@example.test,1980-01-01,Europe/Berlin,dup
            "O'Neil, Jr.",Zone,zone@example.test,1980-01-01,Mars/Olympus,
            Fut,Ure,future@example.test,2999-01-01,Europe/Berlin,
            Pat,Again,pat.again@example.test,1990-01-01,Europe/Berlin,pat
            """;

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void nobodyCreatedYet() {
        CareTeamServiceStub.reset();
    }

    @Test
    void thePreviewNamesEachRowsProblemsAndCreateSendsOnlyTheValidRowsOnce() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/patients/import")).body());
        HttpResponse<String> preview = tara.postFile(uri("/patients/import/preview"), Map.of("csrf-token", token),
                "file", "patients.csv", FILE.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("2 rows are ready to create; 5 rows have problems")
                .contains("firstName: required").contains("email: must be an email address")
                .contains("email: the same email is on an earlier row")
                .contains("timeZone: must be a time zone such as Europe/Berlin")
                .contains("birthDate: must be in the past")
                .contains("O&#39;Neil, Jr.").contains("ines.quell") // the username made from the email
                .contains("Create 2 patients");
        assertThat(CareTeamServiceStub.createdPatients).as("a dry run").isEmpty();

        Matcher csv = CSV_FIELD.matcher(preview.body());
        assertThat(csv.find()).isTrue();
        String carried = unescape(csv.group(1));
        assertThat(tara.post(uri("/patients/import/create"), Map.of("csv", carried)).statusCode())
                .as("without the CSRF token").isEqualTo(400);
        assertThat(CareTeamServiceStub.createdPatients).isEmpty();

        HttpResponse<String> result = tara.post(uri("/patients/import/create"),
                Map.of("csrf-token", Browser.csrfToken(preview.body()), "csv", carried));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("1 patient is created; 6 rows were not.")
                .contains("Not created: The username is taken").contains("Created; set-password email sent.");
        assertThat(CareTeamServiceStub.createdPatients).hasSize(1);
        assertThat(CareTeamServiceStub.createdPatients.get(0).path("username").asText()).isEqualTo("ines.quell");
        assertThat(CareTeamServiceStub.createdPatients.get(0).path("timeZone").asText()).isEqualTo("Europe/Vienna");
        assertThat(CareTeamServiceStub.createdPatients.get(0).has("password")).as("a set-password email").isFalse();
    }

    @Test
    void theCreatePatientConfirmationSaysWhetherTheSetPasswordEmailWentOut() throws Exception {
        Browser tara = signedIn("tara");
        Map<String, String> patient = Map.of("email", "robin@example.test", "firstName", "Robin",
                "lastName", "Vale", "birthDate", "1980-05-17", "timeZone", "Europe/Vienna");
        for (Map.Entry<String, String> expected : Map.of(
                "sent", "?done=patient-created-invited",
                "down", "?done=patient-created-invite-not-sent",
                "password", "?done=patient-created").entrySet()) {
            CareTeamServiceStub.inviteMailDown = expected.getKey().equals("down");
            Map<String, String> form = new java.util.HashMap<>(patient);
            form.put("username", "robin-" + expected.getKey());
            form.put("csrf-token", Browser.csrfToken(tara.get(uri("/patients/new")).body()));
            if (expected.getKey().equals("password")) {
                form.put("password", "Temporary-Pass-77");
            }
            HttpResponse<String> created = tara.post(uri("/patients/new"), form);
            assertThat(created.statusCode()).as(expected.getKey()).isEqualTo(303);
            assertThat(created.headers().firstValue("Location").orElseThrow()).as(expected.getKey())
                    .endsWith(expected.getValue());
        }
    }

    @Test
    void aFileWithoutTheColumnsOrOverTheBoundIsRefusedAsAWhole() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/patients/import")).body());
        HttpResponse<String> noHeader = tara.postFile(uri("/patients/import/preview"), Map.of("csrf-token", token),
                "file", "x.csv", "name,mail\nA,b@c.de\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("missing: firstName, lastName, email, birthDate, timeZone");

        StringBuilder many = new StringBuilder("firstName,lastName,email,birthDate,timeZone\n");
        for (int i = 0; i < 201; i++) {
            many.append("A,B,a").append(i).append("@example.test,1980-01-01,Europe/Berlin\n");
        }
        HttpResponse<String> tooMany = tara.postFile(uri("/patients/import/preview"), Map.of("csrf-token", token),
                "file", "many.csv", many.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("more than 200 patients");

        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> tooBig = tara.postFile(uri("/patients/import/preview"), Map.of("csrf-token", token),
                "file", "big.csv", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("larger than 64 KB").doesNotContain("Exception");

        assertThat(CareTeamServiceStub.createdPatients).isEmpty();
    }

    @Test
    void anAdminInvitesPatientsIntoTheCareOfTheTherapistSheChooses() throws Exception {
        Browser ada = signedIn("ada");
        HttpResponse<String> upload = ada.get(uri("/patients/import"));
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("Therapist whose care the patients join")
                .contains("<option value=\"" + DemoUsers.TARA + "\">Tara Lindqvist (tara)</option>")
                .contains("<option value=\"" + DemoUsers.THEO + "\">Theo Okafor (theo)</option>")
                .contains("href=\"/patients/import\">Invite from CSV</a>"); // in the admin's menu
        String token = Browser.csrfToken(upload.body());
        byte[] file = FILE.getBytes(StandardCharsets.UTF_8);

        // no therapist, or one that is not an active therapist: refused before anything is read or sent
        for (Map<String, String> fields : List.of(Map.of("csrf-token", token),
                Map.of("csrf-token", token, "therapistId", UUID.randomUUID().toString()),
                Map.of("csrf-token", token, "therapistId", "not-an-id"))) {
            HttpResponse<String> refused = ada.postFile(uri("/patients/import/preview"), fields, "file",
                    "patients.csv", file);
            assertThat(refused.statusCode()).as(fields.toString()).isEqualTo(400);
            assertThat(refused.body()).contains("Choose the therapist whose care the patients join.");
        }

        HttpResponse<String> preview = ada.postFile(uri("/patients/import/preview"),
                Map.of("csrf-token", token, "therapistId", DemoUsers.THEO.toString()), "file", "patients.csv", file);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("2 rows are ready to create; 5 rows have problems")
                .contains("Each patient will join the care of Theo Okafor.")
                .contains("email: must be an email address");
        assertThat(CareTeamServiceStub.createdPatients).as("a dry run").isEmpty();

        Matcher csv = CSV_FIELD.matcher(preview.body());
        assertThat(csv.find()).isTrue();
        String carried = unescape(csv.group(1));
        String createToken = Browser.csrfToken(preview.body());
        assertThat(ada.post(uri("/patients/import/create"), Map.of("csrf-token", createToken, "csv", carried))
                .statusCode()).as("the choice is checked again on create").isEqualTo(400);
        assertThat(CareTeamServiceStub.createdPatients).isEmpty();

        CareTeamServiceStub.inviteMailDown = true;
        HttpResponse<String> result = ada.post(uri("/patients/import/create"), Map.of("csrf-token", createToken,
                "csv", carried, "therapistId", DemoUsers.THEO.toString()));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).doesNotContain("email sent")
                .contains("Created; set-password email not sent: send it from the account page (Reset credentials).")
                .contains("1 patient is created; 6 rows were not.")
                .contains("Not created: The username is taken").contains("Go to the care teams");
        assertThat(CareTeamServiceStub.createdPatients).hasSize(1);
        JsonNode sent = CareTeamServiceStub.createdPatients.get(0);
        assertThat(sent.path("username").asText()).isEqualTo("ines.quell");
        assertThat(sent.path("therapistIds").toString()).isEqualTo("[\"" + DemoUsers.THEO + "\"]");
    }

    @Test
    void aTherapistsPatientsJoinHerOwnCareWhateverTheFormSays() throws Exception {
        Browser tara = signedIn("tara");
        String upload = tara.get(uri("/patients/import")).body();
        assertThat(upload).doesNotContain("Therapist whose care the patients join");
        HttpResponse<String> result = tara.post(uri("/patients/import/create"), Map.of("csrf-token",
                Browser.csrfToken(upload), "csv", "firstName,lastName,email,birthDate,timeZone\n"
                        + "Ola,Own,ola.own@example.test,1970-05-06,Europe/Oslo\n",
                "therapistId", DemoUsers.THEO.toString()));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("1 patient is created").contains("Go to your patients");
        assertThat(CareTeamServiceStub.createdPatients).hasSize(1);
        assertThat(CareTeamServiceStub.createdPatients.get(0).has("therapistIds"))
                .as("patient-service puts her own patient in her care").isFalse();
    }

    @Test
    void onlyTherapistsAndAdminsInvitePatients() throws Exception {
        Browser pat = signedIn("pat");
        assertThat(pat.get(uri("/patients/import")).statusCode()).isEqualTo(403);
        String token = Browser.csrfToken(pat.get(uri("/check-in")).body()); // a form of her own role
        assertThat(pat.post(uri("/patients/import/create"), Map.of("csrf-token", token, "csv",
                "firstName,lastName,email,birthDate,timeZone\nA,B,a.b@example.test,1970-01-01,Europe/Oslo\n"))
                .statusCode()).isEqualTo(403);
        assertThat(new Browser().get(uri("/patients/import")).statusCode()).isIn(302, 303);
        assertThat(CareTeamServiceStub.createdPatients).isEmpty();
    }

    /** The page's text as the browser reads it back from the HTML Qute escaped. */
    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        browser.signIn(uri("/patients/import"), user);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
