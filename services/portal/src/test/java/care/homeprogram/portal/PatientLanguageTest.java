package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.PdfText;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient reads their pages, the safety answers and the printed program in their language (docs/portal.md,
 * "Languages"): the language stored with their record, else their browser's, else English; the portal asks
 * plan-service for the same language, so the exercise's own words (instructions, cautions, why it is safe) come in
 * it too; a language chosen on the preferences page shows on the next page. The stand-ins answer as patient-service
 * (pat's preferredLanguage) and plan-service (the library's words in the Accept-Language asked for) do.
 */
@QuarkusTest
@TestProfile(PatientLanguageTest.PreferenceReadOnEveryPage.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
class PatientLanguageTest {
    private static final String PLAN = "d0000000-0000-4000-8000-000000000001";
    private static final String ITEM = "d0000000-0000-4000-8000-000000000002";
    private static final String EXERCISE_PAGE = "/today/items/" + PLAN + "/" + ITEM;
    private static final String SESSION = "d0000000-0000-4000-8000-000000000003";
    private static final String SCHEDULE = "d0000000-0000-4000-8000-000000000004";
    private static final List<String> PATIENT_PAGES = List.of("/today", EXERCISE_PAGE, "/check-in", "/preferences",
            "/history", "/history/sessions/" + PLAN + "/" + SESSION + "/correct",
            "/history/sessions/" + PLAN + "/" + SESSION + "/withdraw", "/history?done=session-withdrawn", "/inbox",
            "/inbox?done=message-read", "/questionnaires", "/questionnaires/" + SCHEDULE);
    /** Headings and words every patient page or one of the pages above has in English. */
    private static final List<String> ENGLISH = List.of("Skip to the main content", "Signed in as", "Sign out",
            ">Today<", "How to do it", "Why this is safe", "Log this session", "Safety check-in",
            "Do you have any of these?", "Reminder settings", "Quiet hours", "Back to today", "Lie on your back",
            " reps", "once a day", "My history", "Pain trend", "Average pain after exercise", "Bands: green",
            "Pain per day as a table", "Correct this session", "Withdraw this session", "Sharp or catching pain",
            "(corrected by you)", "This exercise is paused", "Correct a session", "Withdraw a session", "Why are you",
            "Save the correction", ">Cancel<", "The session is withdrawn",
            ">Inbox<", "Your messages are delayed", "Marked as read", "Short questionnaires",
            "asked since", "Week 4", ">Answer<", "Leave it empty", "> Yes<", "Send my answers", "Add your program to your own calendar",
            "You have no calendar link", "Your calendar settings cannot be shown", "Notifications on this device",
            "Notifications on devices are not available", "Your reminders still come in the app");

    /** Every page asks patient-service for the preference, so each test sets pat's own. */
    public static class PreferenceReadOnEveryPage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeprogram.portal.language.preference-ttl", "PT0S");
        }
    }

    /** The library's words as plan-service has them in each language (its shipped translations). */
    private static final Map<String, List<String>> WORDS = Map.of(
            "en", List.of("Knee to chest", "Lie on your back with your knees bent.", "Stop if pain spreads down your leg.",
                    "It moves your back gently without load."),
            "es", List.of("Rodilla al pecho", "Túmbese boca arriba con las rodillas dobladas.",
                    "Pare si el dolor baja por la pierna.", "Mueve la espalda con suavidad y sin carga."),
            "de", List.of("Knie zur Brust", "Legen Sie sich mit gebeugten Knien auf den Rücken.",
                    "Hören Sie auf, wenn der Schmerz ins Bein ausstrahlt.", "Sie bewegt den Rücken sanft und ohne Last."));

    private static String tag(String acceptLanguage) {
        String primary = acceptLanguage == null ? "en" : acceptLanguage.strip().substring(0, 2);
        return WORDS.containsKey(primary) ? primary : "en";
    }

    private static String plan(String acceptLanguage) {
        List<String> w = WORDS.get(tag(acceptLanguage));
        return """
                {"items":[{"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,
                 "startDate":"2026-11-02","createdAt":"2026-11-02T10:00:00Z","updatedAt":"2026-11-02T10:00:00Z",
                 "items":[{"id":"%s","exerciseId":"%s","name":"%s","status":"ACTIVE","startWeek":1,
                   "dose":{"sets":2,"reps":10,"timesPerDay":1},"instructions":["%s"],"cautions":["%s"],"whySafe":"%s"}],
                 "today":{"date":"2026-12-03","timeZone":"Europe/Berlin","week":5,
                   "items":[{"itemId":"%s","name":"%s","timesPerDay":1}]}}],"total":1}
                """.formatted(PLAN, DemoUsers.PAT, DemoUsers.TARA, ITEM, PlanServiceStub.EXERCISE, w.get(0), w.get(1),
                w.get(2), w.get(3), ITEM, w.get(0));
    }

    private static final Map<String, String> GUIDANCE = Map.of(
            "en", "Call an ambulance or go to the emergency department now.",
            "es", "Llame a una ambulancia o acuda ahora a urgencias.",
            "de", "Rufen Sie einen Rettungswagen oder gehen Sie jetzt in die Notaufnahme.");

    private static String emergency(String acceptLanguage) {
        return "{\"decision\":\"SEEK_CARE_NOW\",\"reasons\":[\"SADDLE_NUMBNESS\"],\"guidance\":\""
                + GUIDANCE.get(tag(acceptLanguage)) + "\",\"trafficLight\":\"RED\",\"therapistAlerted\":true,"
                + "\"plansOnHold\":[\"" + PLAN + "\"]}";
    }

    /** A session pat logged an hour ago and corrected, with a stop symptom: their history's table and trend. */
    private static String sessions() {
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"items":[{"id":"%s","planId":"%s","itemId":"%s","performedAt":"%s","loggedAt":"%s","setsDone":2,
                 "repsDone":10,"painBefore":3,"painAfter":5,"symptoms":["SHARP_PAIN"],"note":null,
                 "decision":"ITEM_PAUSED","trafficLight":"AMBER","reasons":["STOP_RULE:SHARP_PAIN"],
                 "status":"CORRECTED"}],"total":1}
                """.formatted(SESSION, PLAN, ITEM, at, at);
    }

    /** A questionnaire due in week 4 with an optional group and a yes/no question (its own words stay as given). */
    private static void aQuestionnaireIsDue() {
        PlanServiceStub.due = """
                {"items":[{"scheduleId":"%s","planId":"%s","instrument":"mini","title":"Back check",
                 "occasion":"WEEK_4","dueFrom":"2026-12-01"}],"total":1}
                """.formatted(SCHEDULE, PLAN);
        PlanServiceStub.instrument = """
                {"key":"mini","title":"Back check","licence":"FREE","shipped":true,"enabled":true,"scores":[],
                 "questionnaire":{"resourceType":"Questionnaire","title":"Back check","item":[
                  {"linkId":"more","text":"More","type":"group","required":false,"item":[
                    {"linkId":"note","text":"Anything else?","type":"string","required":true}]},
                  {"linkId":"better","text":"Better than last week?","type":"boolean","required":true}]}}
                """;
    }

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void patHasAProgramWithAnExerciseFromTheLibrary() {
        PlanServiceStub.mineIn = PatientLanguageTest::plan;
        PlanServiceStub.checkInIn = PatientLanguageTest::emergency;
        PlanServiceStub.languagesAsked.clear();
        PatientServiceStub.reset();
        PatientServiceStub.preferredLanguage = null;
        PatientServiceStub.lastPreferencesChange = null;
    }

    @AfterEach
    void backToEnglishAndNoPlans() {
        PlanServiceStub.mineIn = null;
        PlanServiceStub.checkInIn = null;
        PlanServiceStub.sessions = "{\"items\":[],\"total\":0}";
        PlanServiceStub.sessionLogAnswer = null;
        PlanServiceStub.resetMeasures();
        PatientServiceStub.preferredLanguage = null;
    }

    @Test
    void aSpanishPatientReadsTodayTheExerciseAndTheCheckInInSpanish() throws Exception {
        PatientServiceStub.preferredLanguage = "es";
        Browser pat = signedIn();

        // the stored preference wins over the browser's language
        String today = pat.get(uri("/today"), Map.of("Accept-Language", "en-GB,en;q=0.9")).body();
        assertThat(today).contains("<html lang=\"es\"").contains("<h1>Hoy</h1>").contains("Ir al contenido principal")
                .contains("<h3>Cómo hacerlo</h3>").contains("<h3>Precauciones</h3>")
                .contains("<summary>Por qué es seguro</summary>").contains("Registrar esta sesión")
                .contains("Dolor antes, de 0 (nada) a 10 (el peor)").contains("Dolor que baja por la pierna")
                .contains("semana 5").contains("hecho 0 de 1").contains("<strong>2 series de 10 repeticiones</strong>")
                // the library's words, as plan-service gave them for the language the portal asked
                .contains("Rodilla al pecho").contains("Túmbese boca arriba con las rodillas dobladas.")
                .contains("Pare si el dolor baja por la pierna.").contains("Mueve la espalda con suavidad y sin carga.");
        assertThat(PlanServiceStub.languagesAsked).contains("GET /api/plans/mine/today es");

        String exercise = pat.get(uri(EXERCISE_PAGE)).body();
        assertThat(exercise).contains("<h1>Rodilla al pecho</h1>").contains("<h2>Cómo hacerlo</h2>")
                .contains("2 series de 10 repeticiones · una vez al día")
                .contains("Túmbese boca arriba").contains("Volver a hoy");

        HttpResponse<String> checkIn = pat.get(uri("/check-in"));
        assertThat(checkIn.body()).contains("<h1>Control de seguridad</h1>")
                .contains("Marque lo que le ocurre <strong>ahora</strong>")
                .contains("Adormecimiento alrededor de los genitales, las nalgas o la cara interna de los muslos")
                .contains("Enviar mis respuestas");
        HttpResponse<String> answered = pat.post(uri("/check-in"), Map.of("csrf-token",
                Browser.csrfToken(checkIn.body()), "yes", "SADDLE_NUMBNESS"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("<h1>Pida ayuda urgente ahora</h1>")
                .contains("<strong>Llame ahora a su número local de emergencias</strong>")
                .contains(GUIDANCE.get("es"))
                .contains("<li>Adormecimiento alrededor de los genitales, las nalgas o la cara interna de los muslos.</li>")
                .contains("Se ha avisado a su fisioterapeuta.").contains("Su programa está en pausa")
                .doesNotContain("Get emergency help now").doesNotContain(GUIDANCE.get("en"));
        assertThat(PlanServiceStub.languagesAsked).contains("POST /api/check-ins es");

        // an exercise that is not in the patient's program: the error page is Spanish too
        HttpResponse<String> missing = pat.get(uri("/today/items/" + PLAN + "/" + java.util.UUID.randomUUID()));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"es\"").contains("<h1>No lo hemos encontrado</h1>")
                .contains("Ir a su página de inicio").doesNotContain("We could not find that");
    }

    @Test
    void aGermanPatientReadsTodayTheCheckInAnswerAndTheSettingsInGerman() throws Exception {
        PatientServiceStub.preferredLanguage = "de";
        Browser pat = signedIn();

        assertThat(pat.get(uri("/today")).body()).contains("<html lang=\"de\"").contains("<h1>Heute</h1>")
                .contains("<h3>So geht es</h3>").contains("Diese Einheit eintragen")
                .contains("Bevor Sie beginnen: einige Fragen zu Ihrer Gesundheit")
                .contains("Legen Sie sich mit gebeugten Knien auf den Rücken.").contains("Knie zur Brust")
                .contains("<strong>2 Sätze mit je 10 Wiederholungen</strong>").contains("einmal heute");
        String checkIn = pat.get(uri("/check-in")).body();
        HttpResponse<String> answered = pat.post(uri("/check-in"), Map.of("csrf-token", Browser.csrfToken(checkIn),
                "yes", "SADDLE_NUMBNESS"));
        assertThat(answered.body()).contains("<h1>Holen Sie sofort Notfallhilfe</h1>").contains(GUIDANCE.get("de"))
                .contains("Taubheit im Bereich der Genitalien, des Gesäßes oder der Innenseite der Oberschenkel.");
        assertThat(pat.get(uri("/preferences")).body()).contains("<h1>Einstellungen für Erinnerungen</h1>")
                .contains("Ruhezeiten (keine Erinnerungen)").contains(">Zeitzone")
                .contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>");
    }

    @Test
    void withoutAPreferenceOfOursTheBrowsersLanguageCountsElseEnglish() throws Exception {
        Browser pat = signedIn();

        String german = pat.get(uri("/today"), Map.of("Accept-Language", "fr-CH, fr;q=0.9, de;q=0.8, en;q=0.5"))
                .body();
        assertThat(german).contains("<html lang=\"de\"").contains("<h1>Heute</h1>").contains("Knie zur Brust");
        assertThat(PlanServiceStub.languagesAsked).contains("GET /api/plans/mine/today de");

        // a language patient-service stores but the portal does not have is no preference either
        PatientServiceStub.preferredLanguage = "fr";
        assertThat(pat.get(uri("/check-in"), Map.of("Accept-Language", "es-MX")).body())
                .contains("<html lang=\"es\"").contains("<h1>Control de seguridad</h1>");

        PatientServiceStub.preferredLanguage = null;
        String english = pat.get(uri("/today"), Map.of("Accept-Language", "fr, it;q=0.5")).body();
        assertThat(english).contains("<html lang=\"en\"").contains("<h1>Today</h1>").contains("<h3>How to do it</h3>")
                .contains("Lie on your back with your knees bent.").contains("<strong>2 sets of 10 reps</strong>");
        assertThat(pat.get(uri("/today")).body()).contains("<html lang=\"en\"").contains("Skip to the main content");
    }

    @Test
    void thePatientSwitchesLanguageAndTheNextPageIsInIt() throws Exception {
        PatientServiceStub.preferredLanguage = "es";
        Browser pat = signedIn();
        String settings = pat.get(uri("/preferences")).body();
        assertThat(settings).contains("<h1>Ajustes de recordatorios</h1>")
                .contains("<option value=\"es\" lang=\"es\" selected>Español</option>");

        HttpResponse<String> switched = pat.post(uri("/preferences/language"), Map.of("csrf-token",
                Browser.csrfToken(settings), "language", "de"));

        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/preferences?done=language-saved");
        assertThat(PatientServiceStub.lastPreferencesChange).isEqualTo("{\"preferredLanguage\":\"de\"}");
        assertThat(pat.get(uri("/preferences?done=language-saved")).body()).contains("<html lang=\"de\"")
                .contains("Ihre Sprache ist gespeichert.").contains("<h1>Einstellungen für Erinnerungen</h1>");
        assertThat(pat.get(uri("/today")).body()).contains("<h1>Heute</h1>").contains("Knie zur Brust");
    }

    @Test
    void onlyALanguageOfOursIsStoredAndOnlyByThePatient() throws Exception {
        Browser pat = signedIn();
        String token = Browser.csrfToken(pat.get(uri("/preferences")).body());
        for (String unknown : List.of("fr", "ES", "", "de-AT", "x".repeat(1000))) {
            assertThat(pat.post(uri("/preferences/language"), Map.of("csrf-token", token, "language", unknown))
                    .statusCode()).as("language=%.20s", unknown).isEqualTo(400);
        }
        // a form field longer than any form here is refused before it is read
        assertThat(pat.post(uri("/preferences/language"), Map.of("csrf-token", token, "language", "x".repeat(5000)))
                .statusCode()).isEqualTo(413);
        assertThat(PatientServiceStub.lastPreferencesChange).isNull();

        Browser tara = new Browser();
        tara.signIn(URI.create(portal.toString()), "tara");
        String taraToken = Browser.csrfToken(tara.get(uri("/patients/new")).body());
        assertThat(tara.post(uri("/preferences/language"), Map.of("csrf-token", taraToken, "language", "de"))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = new Browser().post(uri("/preferences/language"), Map.of("language", "de"));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/protocol/openid-connect/auth");
        assertThat(PatientServiceStub.lastPreferencesChange).isNull();
    }

    @Test
    void theProgramPdfIsInSpanish() throws Exception {
        PatientServiceStub.preferredLanguage = "es";
        Browser pat = signedIn();

        HttpResponse<byte[]> pdf = pat.getBytes(uri("/me/program.pdf"));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Language")).hasValue("es");
        assertThat(PdfText.of(pdf.body())).contains("Programa en casa de Pat Morgan")
                .contains("Programa iniciado el 2 de noviembre de 2026").contains("Rodilla al pecho")
                .contains("Dosis: 2 series de 10 repeticiones · una vez al día").contains("Cómo hacerlo:").contains("Túmbese boca arriba con las rodillas dobladas.")
                .contains("Precauciones:").contains("Por qué es seguro: Mueve la espalda")
                .contains("No sustituye el consejo médico.")
                .doesNotContain("Home program for").doesNotContain("How to do it").doesNotContain("Cautions:");
    }

    @Test
    void noPatientPageShowsAMissingKeyOrAnEnglishHeading() throws Exception {
        PlanServiceStub.sessions = sessions();
        aQuestionnaireIsDue();
        Browser pat = signedIn();
        for (String language : List.of("es", "de")) {
            PatientServiceStub.preferredLanguage = language;
            for (String page : PATIENT_PAGES) {
                HttpResponse<String> response = pat.get(uri(page));
                assertThat(response.statusCode()).as(language + " " + page).isEqualTo(200);
                assertThat(response.body()).as(language + " " + page).contains("<html lang=\"" + language + "\"")
                        .doesNotContain("NOT_FOUND").doesNotContain("{msg:").doesNotContain("???");
                for (String english : ENGLISH) {
                    assertThat(response.body()).as(language + " " + page).doesNotContain(english);
                }
            }
        }
    }

    @Test
    void theHistoryTheSessionTableAndTheCorrectionPagesAreInThePatientsLanguage() throws Exception {
        PlanServiceStub.sessions = sessions();
        Browser pat = signedIn();
        Map<String, List<String>> expected = Map.of(
                "es", List.of("Mi historial", "Evolución del dolor", "Dolor medio después del ejercicio en 1 día",
                        "Este ejercicio está en pausa (corregida por usted)", "Dolor agudo o punzante",
                        "Corregir esta sesión", "Retirar esta sesión", "ámbar"),
                "de", List.of("Mein Verlauf", "Schmerzverlauf", "Durchschnittlicher Schmerz nach der Übung an 1 Tag",
                        "Diese Übung ist pausiert (von Ihnen korrigiert)", "Stechender oder einschießender Schmerz",
                        "Diese Einheit korrigieren", "Diese Einheit zurückziehen", "gelb"));
        Map<String, List<String>> correction = Map.of(
                "es", List.of("Corregir una sesión", "Rodilla al pecho, registrada el", "¿Por qué la corrige?",
                        "Guardar la corrección"),
                "de", List.of("Eine Einheit korrigieren", "Knie zur Brust, eingetragen am", "Warum korrigieren Sie sie?",
                        "Korrektur speichern"));
        for (String language : List.of("es", "de")) {
            PatientServiceStub.preferredLanguage = language;
            String history = pat.get(uri("/history")).body();
            expected.get(language).forEach(words -> assertThat(history).as(language).contains(words));
            String correct = pat.get(uri("/history/sessions/" + PLAN + "/" + SESSION + "/correct")).body();
            correction.get(language).forEach(words -> assertThat(correct).as(language).contains(words));
        }
    }

    @Test
    void theQuestionnairesAreInThePatientsLanguageAroundTheInstrumentsOwnWords() throws Exception {
        aQuestionnaireIsDue();
        Browser pat = signedIn();
        PatientServiceStub.preferredLanguage = "es";
        assertThat(pat.get(uri("/questionnaires")).body()).contains("<h1>Cuestionarios</h1>").contains("Semana 4")
                .contains("pendiente desde el 2026-12-01").contains("Responder").contains("Back check");
        assertThat(pat.get(uri("/questionnaires/" + SCHEDULE)).body()).contains("Déjelo en blanco")
                .contains("> Sí</label>").contains("Enviar mis respuestas").contains("Better than last week?");
        PatientServiceStub.preferredLanguage = "de";
        assertThat(pat.get(uri("/questionnaires")).body()).contains("<h1>Fragebögen</h1>").contains("Woche 4")
                .contains("gestellt seit 2026-12-01");
        assertThat(pat.get(uri("/questionnaires/" + SCHEDULE)).body()).contains("> Ja</label>")
                .contains("> Nein</label>").contains("Meine Antworten senden");
    }

    /**
     * A patient without a preference (patient-service has none for a patient created without a language) whose
     * browser asks for Spanish: the questionnaire page is Spanish, and plan-service is asked for the instrument and
     * the due list in Spanish, so the instrument's own words come in it too.
     */
    @Test
    void aPatientWithoutAPreferenceIsAskedTheQuestionnaireInTheBrowsersLanguage() throws Exception {
        aQuestionnaireIsDue();
        Browser pat = signedIn();
        PatientServiceStub.preferredLanguage = null;
        assertThat(pat.get(uri("/questionnaires/" + SCHEDULE), Map.of("Accept-Language", "es-ES,es;q=0.9,en;q=0.5"))
                .body()).contains("<html lang=\"es\"").contains("Enviar mis respuestas");
        assertThat(PlanServiceStub.languagesAsked).contains("GET /api/measures/due es", "GET /api/instruments/mini es");
    }

    @Test
    void theFormErrorsOfTheCorrectionWithdrawalAndRemindersFormsAreInThePatientsLanguage() throws Exception {
        PlanServiceStub.sessions = sessions();
        Browser pat = signedIn();
        String base = "/history/sessions/" + PLAN + "/" + SESSION;
        PatientServiceStub.preferredLanguage = "es";
        String token = Browser.csrfToken(pat.get(uri(base + "/correct")).body());
        HttpResponse<String> correction = pat.post(uri(base + "/correct"), Map.of("csrf-token", token,
                "painBefore", "", "painAfter", "11", "setsDone", "99", "reason", ""));
        assertThat(correction.statusCode()).isEqualTo(400);
        assertThat(correction.body()).contains("Revise sus respuestas, por favor")
                .contains("Elija su dolor antes, de 0 (nada) a 10 (el peor)").contains("Elija su dolor después")
                .contains("Debe estar entre 0 y 50").contains("Diga brevemente qué estaba mal")
                .doesNotContain("Choose your pain").doesNotContain("Must be 0 to");
        HttpResponse<String> withdrawal = pat.post(uri(base + "/withdraw"), Map.of("csrf-token", token,
                "reason", "x".repeat(501)));
        assertThat(withdrawal.statusCode()).isEqualTo(400);
        assertThat(withdrawal.body()).contains("Como máximo 500 caracteres")
                .contains("Marque la casilla para confirmar que quiere retirar esta sesión")
                .doesNotContain("Tick the box");

        PatientServiceStub.preferredLanguage = "de";
        HttpResponse<String> reminders = pat.post(uri("/preferences"), Map.of("csrf-token", token,
                "timeZone", "Mars/Olympus", "quietStart", "late", "quietEnd", ""));
        assertThat(reminders.statusCode()).isEqualTo(400);
        assertThat(reminders.body()).contains("Bitte eine Zeitzone wie Europe/Berlin")
                .contains("Bitte eine Uhrzeit wie 21:00 angeben").contains("Pflichtangabe")
                .doesNotContain("Must be a time").doesNotContain(">Required<");
    }

    @Test
    void theIntakeQuestionsAndTheirErrorsAreInThePatientsLanguage() throws Exception {
        Browser pat = signedIn();
        PatientServiceStub.preferredLanguage = "es";
        String spanish = pat.get(uri("/me/intake")).body();
        assertThat(spanish).contains("<h1>Preguntas sobre su salud</h1>")
                .contains("¿Qué edad tenía cuando empezó su dolor de espalda por primera vez?")
                .contains("<legend>¿Ha tenido cáncer alguna vez?</legend>")
                .contains("<legend>¿Le ha dicho un médico que limite la cantidad de sal que toma?</legend>")
                .contains("> Sí</label>").contains("Enviar mis respuestas")
                .doesNotContain("Have you ever had cancer?").doesNotContain("Health questions")
                .doesNotContain("Send my answers").doesNotContain("> Yes</label>");
        HttpResponse<String> wrong = pat.post(uri("/me/intake"), Map.of("csrf-token", Browser.csrfToken(spanish),
                "ageAtFirstOnset", "treinta"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Revise sus respuestas")
                .contains("id=\"intake-ageAtFirstOnset-error\">Indique la edad en años enteros, por ejemplo 35</p>")
                .contains("<a href=\"#intake-historyOfCancer-yes\">¿Ha tenido cáncer alguna vez? Elija sí o no</a>")
                .doesNotContain("Choose yes or no").doesNotContain("whole number");

        PatientServiceStub.preferredLanguage = "de";
        String german = pat.get(uri("/me/intake")).body();
        assertThat(german).contains("<h1>Fragen zu Ihrer Gesundheit</h1>")
                .contains("<legend>Hatten Sie jemals Krebs?</legend>").contains("> Nein</label>")
                .contains("Meine Antworten senden");
        HttpResponse<String> tooOld = pat.post(uri("/me/intake"), Map.of("csrf-token", Browser.csrfToken(german),
                "ageAtFirstOnset", "130", "historyOfCancer", "no"));
        assertThat(tooOld.body()).contains("Geben Sie ein Alter zwischen 0 und 120 Jahren an")
                .contains("Wählen Sie Ja oder Nein").doesNotContain("Enter an age");
    }

    @Test
    void thePageGivesItsScriptsTheirWordsInThePatientsLanguage() throws Exception {
        Browser pat = signedIn();
        PatientServiceStub.preferredLanguage = "es";
        String today = pat.get(uri(EXERCISE_PAGE)).body();
        assertThat(today).contains("data-timer-start=\"Iniciar temporizador\"")
                .contains("data-timer-done=\"Se acabó el tiempo.\"")
                .contains("data-kept-heading=\"Guardada en este teléfono: pendiente de envío\"")
                .contains("data-phone-red=\"Su dolor de %pain%/10 está en la franja roja.\"")
                .contains("data-waiting-refused=\"%item%, registrada el %when%: no se ha aceptado. %reason% "
                        + "Regístrela de nuevo, por favor.\"")
                .doesNotContain("Start timer").doesNotContain("Kept on this phone");
        PatientServiceStub.preferredLanguage = "de";
        String checkIn = pat.get(uri("/check-in")).body();
        assertThat(checkIn).contains("data-timer-stop=\"Timer anhalten\"")
                .contains("data-check-in-offline-nothing=\"Sie sind offline, deshalb konnten Ihre Antworten nicht "
                        + "gesendet werden.")
                .contains("data-phone-amber=\"Vorsicht: Ihr Schmerz von %pain%/10 liegt im gelben Bereich.")
                .doesNotContain("You are offline");
        // what a push without its own text says: the page carries it for portal.js to keep for the worker
        assertThat(today).contains("data-push-new-message=\"Tiene un mensaje nuevo\"");
        assertThat(checkIn).contains("data-push-new-message=\"Sie haben eine neue Nachricht\"");
        // the installed app's description: the page links the manifest in its language
        assertThat(today).contains("href=\"/manifest.webmanifest?lang=es\"");
        assertThat(checkIn).contains("href=\"/manifest.webmanifest?lang=de\"");
        PatientServiceStub.preferredLanguage = "en";
        assertThat(pat.get(uri("/today")).body()).contains("data-push-new-message=\"You have a new message\"");
        // the push section's statuses: PushOptInPageTest (it needs notification-service's stand-in)

        // the scripts themselves write no words of their own
        for (String script : List.of("/js/portal.js", "/js/push.js")) {
            assertThat(pat.get(uri(script)).body()).as(script).contains("getAttribute('data-")
                    .doesNotContain("Start timer").doesNotContain("Time is up").doesNotContain("Kept on this phone")
                    .doesNotContain("in the red band").doesNotContain("You are offline")
                    .doesNotContain("Asking this browser").doesNotContain("could not be turned on");
        }
    }

    /**
     * The service worker cannot read a page: portal.js keeps the page's words for a push without its own text in the
     * offline cache, and push-worker.js reads them there, so both must name the same entry of the same cache (English,
     * the worker's own, only when nothing is kept).
     */
    @Test
    void theServiceWorkerReadsThePushWordsWhereThePageScriptKeepsThem() throws Exception {
        Browser pat = signedIn();
        String page = pat.get(uri("/js/portal.js")).body();
        String worker = pat.get(uri("/js/push-worker.js")).body();
        assertThat(page).contains("word('push-new-message')");
        assertThat(constant(worker, "PUSH_WORDS")).isEqualTo(constant(page, "PUSH_WORDS")).startsWith("/");
        assertThat(constant(worker, "PUSH_WORDS_CACHE")).isEqualTo(constant(page, "CACHE"));
        assertThat(worker).contains("message.body || words.body || 'You have a new message'");
    }

    /** The value of {@code var NAME = '...';} in a script. */
    private static String constant(String script, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("var " + name + " = '([^']+)';")
                .matcher(script);
        assertThat(value.find()).as("%s in the script", name).isTrue();
        return value.group(1);
    }

    @Test
    void plansServicesRefusalsReachThePatientInTheirLanguage() throws Exception {
        Browser pat = signedIn();
        PatientServiceStub.preferredLanguage = "es";
        String token = Browser.csrfToken(pat.get(uri("/today")).body());
        Map<String, String> log = Map.of("csrf-token", token, "planId", PLAN, "itemId", ITEM,
                "itemName", "Rodilla al pecho", "painBefore", "2", "painAfter", "3");

        // plan-service's refusals as it sends them (docs/api.md): the item paused meanwhile, a field out of range
        PlanServiceStub.sessionLogAnswer = new PlanServiceStub.Answer(409, """
                {"type":"https://homeprogram.care/problems/item-paused","title":"Conflict","status":409,
                 "detail":"Knee to chest is paused (SHARP_PAIN); your therapist will resume it when it is safe"}""");
        HttpResponse<String> paused = pat.post(uri("/today/sessions"), log);
        assertThat(paused.statusCode()).isEqualTo(400);
        assertThat(paused.body()).contains("Este ejercicio está en pausa, así que esta sesión no se ha registrado.")
                .doesNotContain("your therapist will resume it");

        PlanServiceStub.sessionLogAnswer = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid input","status":400,
                 "detail":"painAfter: must be between 0 and 10","errors":[
                   {"field":"painAfter","message":"must be between 0 and 10"},
                   {"field":"performedAt","message":"must be within the last 7 days"}]}""");
        PatientServiceStub.preferredLanguage = "de";
        HttpResponse<String> invalid = pat.post(uri("/today/sessions"), log);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Wählen Sie eine Zahl von 0 bis 10")
                .contains("Die Zeit dieser Einheit wurde nicht angenommen")
                .doesNotContain("must be between").doesNotContain("within the last");

        // a questionnaire's answers: an item left empty, and the questionnaire no longer due
        aQuestionnaireIsDue();
        PatientServiceStub.preferredLanguage = "es";
        PlanServiceStub.answering = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid","status":400,
                 "detail":"Some answers are not valid","errors":[{"field":"answers.better","message":"is required"}]}""");
        HttpResponse<String> unanswered = pat.post(uri("/questionnaires/" + SCHEDULE), Map.of("csrf-token", token));
        assertThat(unanswered.statusCode()).isEqualTo(400);
        assertThat(unanswered.body()).contains("Responda a esta pregunta, por favor.").doesNotContain("is required")
                .doesNotContain("Is required");
        PlanServiceStub.answering = new PlanServiceStub.Answer(409, """
                {"type":"https://homeprogram.care/problems/measure-not-due","title":"Conflict","status":409,
                 "detail":"Back check is not due for this plan now"}""");
        HttpResponse<String> late = pat.post(uri("/questionnaires/" + SCHEDULE), Map.of("csrf-token", token,
                "better", "true"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Este cuestionario no toca ahora, así que sus respuestas no se han registrado.")
                .doesNotContain("is not due");
    }

    private Browser signedIn() throws Exception {
        Browser pat = new Browser();
        pat.signIn(URI.create(portal.toString()), "pat");
        return pat;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
