package care.homeprogram.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * docs/clinical-rules.md rule 9: no health details in anything that leaves the app, nor in the inbox preview, in any
 * language. Every template (reminders, catch-up and inactivity nudges, therapist notices of every severity) is
 * scanned in English, Spanish and German: title, in-app body, email subject, the email body as sent and the push
 * text. And every language has every text: one key set.
 */
class MessageTemplateTest {
    /** Clinical words of each language, found anywhere in a text (German joins words: "Rückenschmerzen"). */
    private static final Map<Language, List<String>> CLINICAL_WORDS = Map.of(
            Language.EN, List.of("pain", "back", "spasm", "spine", "numb", "bladder",
                    "bowel", "exercise", "bird-dog", "stretch", "heat", "cold", "injury", "diagnos", "symptom", "alert",
                    "emergency", "leg", "weak", "fever", "sciatica", "cauda", "saddle", "urin", "incontinen", "sexual",
                    "red flag", "red-flag", "medication", "steroid", "cancer", "pelvic", "dead bug", "cat-camel", "foam",
                    "hydration", "electrolyte", "breathing", "critical", "accident", "weight loss", "safety rule",
                    "paused", "knee"),
            Language.ES, List.of("dolor", "espalda", "espasmo", "columna", "entumec", "adormec", "vejiga", "intestin",
                    "ejercicio", "estiramiento", "calor", "frío", "lesión", "diagnós", "síntoma", "alerta",
                    "emergencia", "pierna", "débil", "debilidad", "fiebre", "ciática", "cauda", "silla de montar",
                    "orina", "urinari", "incontinencia", "sexual", "bandera roja", "señal de alarma", "medicación",
                    "medicamento", "esteroide", "cáncer", "pélvic", "pelvis", "rodilla", "hidratación", "electrolito",
                    "respiración", "crítico", "crítica", "accidente", "pérdida de peso", "norma de seguridad",
                    "pausad", "suspendid"),
            Language.DE, List.of("schmerz", "rücken", "krampf", "wirbelsäule", "taubheit", "harnblase", "stuhlgang",
                    "übung", "dehn", "wärme", "kälte", "verletzung", "diagnos", "symptom", "alarm", "notfall",
                    "schwäche", "fieber", "ischias", "cauda", "reithose", "urin", "harn", "inkontinen", "sexuell",
                    "warnzeichen", "medikament", "steroid", "krebs", "becken", "knie", "flüssigkeit", "elektrolyt",
                    "atmung", "kritisch", "unfall", "gewichtsverlust", "sicherheitsregel", "pausiert"));
    /** Short clinical words of each language, found as whole words only ("Bein", not "beinhalten"). */
    private static final Map<Language, List<String>> CLINICAL_WHOLE_WORDS = Map.of(
            Language.EN, List.of(),
            Language.ES, List.of("frío", "calor"),
            Language.DE, List.of("bein", "beine", "taub", "blase", "darm", "schwach"));
    private static final List<String> DEMO_NAMES = List.of("pat", "sam", "polly", "morgan", "rivera", "nakamura",
            "tara", "theo", "ada", "lindqvist", "lovelace", "okafor");
    /** The outcome measures a patient may be asked (docs/outcomes.md): a reminder to answer one names none. */
    private static final List<String> INSTRUMENT_NAMES = List.of("psfs", "patient-specific", "functional scale",
            "start back", "start-back", "keele", "oswestry", "odi", "disability", "nrs", "numeric rating", "score",
            "escala", "puntuación", "discapacidad", "skala", "punktzahl", "punktwert", "behinderung",
            "beeinträchtigung");
    private static final String LINK = "http://portal.example/";

    private static String everything(MessageTemplate template, Language language) {
        return String.join("\n", template.title(language), template.inAppBody(language),
                template.emailSubject(language), template.emailBody(language, LINK),
                String.valueOf(template.pushText(language))).toLowerCase(Locale.ROOT);
    }

    private static boolean hasWord(String text, String word) {
        return text.matches("(?s).*(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}\\p{N}]).*");
    }

    @Test
    void noOutgoingTemplateCarriesClinicalWordsOrNamesInAnyLanguage() {
        assertThat(MessageTemplate.values()).hasSizeGreaterThanOrEqualTo(10);
        for (Language language : Language.values()) {
            for (MessageTemplate template : MessageTemplate.values()) {
                String everything = everything(template, language);
                String what = template + " in " + language;
                assertThat(CLINICAL_WORDS.get(language)).as(what + " must carry no clinical words")
                        .noneMatch(everything::contains);
                assertThat(CLINICAL_WHOLE_WORDS.get(language)).as(what + " must carry no clinical words")
                        .noneMatch(word -> hasWord(everything, word));
                assertThat(DEMO_NAMES).as(what + " must carry no names").noneMatch(name -> hasWord(everything, name));
                assertThat(INSTRUMENT_NAMES).as(what + " must name no questionnaire")
                        .noneMatch(name -> hasWord(everything, name));
            }
        }
    }

    /** The scan itself finds what it looks for, in each language (a scan that cannot fail proves nothing). */
    @Test
    void theScanFindsClinicalWordsInEachLanguage() {
        assertThat(CLINICAL_WORDS.get(Language.ES)).anyMatch("le duele la espalda"::contains);
        assertThat(CLINICAL_WORDS.get(Language.DE)).anyMatch("starke rückenschmerzen"::contains);
        assertThat(CLINICAL_WHOLE_WORDS.get(Language.DE)).anyMatch(word -> hasWord("das bein ist schwach", word))
                .noneMatch(word -> hasWord("diese e-mail beinhaltet nichts", word));
        assertThat(DEMO_NAMES).anyMatch(name -> hasWord("hola, pat:", name)).noneMatch(name -> hasWord("patient", name));
    }

    /**
     * One key set: each language has exactly the keys English has, and those are every text the templates, their
     * push texts and the layout read; every text is written out, none is blank or left in English.
     */
    @Test
    void everyLanguageHasEveryKeyAndNoOther() {
        assertThat(MessageTexts.keys(Language.EN)).containsAll(MessageTemplate.requiredKeys());
        for (Language language : Language.values()) {
            assertThat(MessageTexts.keys(language)).as(MessageTexts.file(language))
                    .containsExactlyInAnyOrderElementsOf(MessageTexts.keys(Language.EN));
            for (String key : MessageTexts.keys(language)) {
                String text = MessageTexts.text(language, key);
                assertThat(text).as(language + " " + key).isNotBlank().doesNotContain("{", "}", "%s", "???");
                if (language != Language.EN) {
                    assertThat(text).as(language + " " + key + " is translated")
                            .isNotEqualTo(MessageTexts.text(Language.EN, key));
                }
            }
        }
    }

    /** A patient's language tag picks the language; the region does not matter; anything else reads English. */
    @Test
    void thePreferredLanguageTagPicksTheLanguage() {
        assertThat(Language.ofTagOrEnglish("es")).isEqualTo(Language.ES);
        assertThat(Language.ofTagOrEnglish("es-MX")).isEqualTo(Language.ES);
        assertThat(Language.ofTagOrEnglish("de-AT")).isEqualTo(Language.DE);
        assertThat(Language.ofTagOrEnglish("DE")).isEqualTo(Language.DE);
        assertThat(Language.ofTagOrEnglish("en")).isEqualTo(Language.EN);
        assertThat(Language.ofTagOrEnglish("fr")).isEqualTo(Language.EN);
        assertThat(Language.ofTagOrEnglish(null)).isEqualTo(Language.EN);
        assertThat(Language.ofTagOrEnglish("")).isEqualTo(Language.EN);
        assertThat(Language.ofTagOrEnglish("not a tag")).isEqualTo(Language.EN);
    }

    /** The reminder for a due outcome measure, as the patient reads it everywhere: no instrument, no clinical detail. */
    @Test
    void theDueQuestionnaireReminderSaysOnlyThatThereIsAShortQuestionnaire() {
        MessageTemplate due = MessageTemplate.MEASURE_DUE;
        assertThat(due.title(Language.EN)).isEqualTo("You have a short questionnaire to fill in");
        assertThat(due.emailSubject(Language.EN)).isEqualTo("You have a short questionnaire to fill in");
        assertThat(due.pushText(Language.EN)).isEqualTo("You have a new message");
        assertThat(due.severity()).isNull();
        assertThat(due.urgent()).isFalse();
        assertThat(due.emailBody(Language.EN, LINK)).isEqualTo("""
                Hello,

                You have a short questionnaire to fill in.
                Sign in to answer it: http://portal.example/

                For your privacy this email contains no health details.
                You can change when and how we remind you in your notification settings.
                HomeProgram
                """);
        assertThat(due.emailSubject(Language.ES)).isEqualTo("Tiene un breve cuestionario por responder");
        assertThat(due.emailSubject(Language.DE)).isEqualTo("Sie haben einen kurzen Fragebogen auszufüllen");
    }

    @Test
    void everyEmailLinksIntoThePortalAndSaysItCarriesNoHealthDetails() {
        Map<Language, String> noHealthDetails = Map.of(Language.EN, "no health details",
                Language.ES, "no contiene datos de salud", Language.DE, "keine Gesundheitsdaten");
        for (Language language : Language.values()) {
            for (MessageTemplate template : MessageTemplate.values()) {
                String body = template.emailBody(language, LINK);
                assertThat(body).as(template + " in " + language).contains(LINK).doesNotContain("%s")
                        .contains(noHealthDetails.get(language));
                assertThat(template.emailSubject(language)).as(template + " in " + language).isNotBlank()
                        .doesNotContain("%").hasSizeLessThanOrEqualTo(200); // what the delivery's column holds
                assertThat(template.title(language)).as(template + " in " + language).hasSizeLessThanOrEqualTo(200);
            }
        }
    }

    /**
     * A lock screen is read by anyone near the phone: in each language four short fixed texts, the same for every
     * message of a kind.
     */
    @Test
    void pushTextsAreFewShortAndFixedInEveryLanguage() {
        assertThat(Arrays.stream(MessageTemplate.values()).map(t -> t.pushText(Language.EN))
                .filter(Objects::nonNull).distinct()).containsExactlyInAnyOrder(
                        "Your program for today is ready", "There is still time for today's program",
                        "You have a new message", "A patient needs your attention");
        assertThat(Arrays.stream(MessageTemplate.values()).map(t -> t.pushText(Language.ES))
                .filter(Objects::nonNull).distinct()).containsExactlyInAnyOrder(
                        "Su programa de hoy está listo", "Todavía está a tiempo para el programa de hoy",
                        "Tiene un mensaje nuevo", "Un paciente necesita su atención");
        assertThat(Arrays.stream(MessageTemplate.values()).map(t -> t.pushText(Language.DE))
                .filter(Objects::nonNull).distinct()).containsExactlyInAnyOrder(
                        "Ihr Programm für heute ist bereit", "Für das heutige Programm ist noch Zeit",
                        "Sie haben eine neue Nachricht", "Ein Patient braucht Ihre Aufmerksamkeit");
        for (Language language : Language.values()) {
            assertThat(Arrays.stream(MessageTemplate.values()).map(t -> t.pushText(language))
                    .filter(Objects::nonNull)).as(language.name()).allSatisfy(text -> assertThat(text).hasSizeLessThan(50));
            assertThat(MessageTemplate.ESCALATION_CONTACT.pushText(language)).isNull();
        }
        assertThat(MessageTemplate.ESCALATION_CONTACT.pushed()).isFalse();
        assertThat(MessageTemplate.REMINDER.pushed()).isTrue();
        assertThat(MessageTemplate.REMINDER.pushTimeToLive()).isEqualTo(java.time.Duration.ofHours(3));
    }

    @Test
    void onlyCriticalNoticesAreUrgentAndTherapistNoticesCarryASeverity() {
        assertThat(Arrays.stream(MessageTemplate.values()).filter(MessageTemplate::urgent))
                .containsExactly(MessageTemplate.ATTENTION_CRITICAL, MessageTemplate.STILL_UNACKNOWLEDGED_CRITICAL,
                        MessageTemplate.ESCALATION_CONTACT);
        assertThat(MessageTemplate.forAlert("CRITICAL")).isEqualTo(MessageTemplate.ATTENTION_CRITICAL);
        assertThat(MessageTemplate.forAlert("HIGH")).isEqualTo(MessageTemplate.ATTENTION_HIGH);
        assertThat(MessageTemplate.forAlert("LOW")).isEqualTo(MessageTemplate.ATTENTION_LOW);
        assertThat(MessageTemplate.forAlert("SOMETHING_NEW")).isEqualTo(MessageTemplate.ATTENTION_HIGH);
        assertThat(List.of(MessageTemplate.PLAN_ASSIGNED, MessageTemplate.REMINDER, MessageTemplate.CATCH_UP,
                MessageTemplate.INACTIVE_NUDGE, MessageTemplate.MEASURE_DUE))
                .allSatisfy(t -> assertThat(t.severity()).isNull());
    }

    /**
     * Every email comes from the one layout ({@link MessageTemplate#LAYOUT}) and still reads as a letter in every
     * language: a subject, the greeting, what happened, the action with the link on that line, the privacy line for
     * its reader (a patient reads "your privacy"), the reminder-settings line on reminders only, and the signature;
     * no placeholder is left.
     */
    @Test
    void everyEmailReadsRightFromTheOneLayoutInEveryLanguage() {
        List<MessageTemplate> reminders = List.of(MessageTemplate.REMINDER, MessageTemplate.CATCH_UP,
                MessageTemplate.INACTIVE_NUDGE, MessageTemplate.MEASURE_DUE);
        for (Language language : Language.values()) {
            String greeting = MessageTexts.text(language, MessageTemplate.GREETING);
            String settings = MessageTexts.text(language, MessageTemplate.SETTINGS);
            for (MessageTemplate template : MessageTemplate.values()) {
                String what = template + " in " + language;
                String body = template.emailBody(language, LINK);
                assertThat(template.emailSubject(language)).as(what).isNotBlank();
                assertThat(body).as(what).startsWith(greeting + "\n\n").endsWith("\nHomeProgram\n")
                        .doesNotContain("{").doesNotContain("}").doesNotContain("\n\n\n");
                assertThat(body.lines().filter(line -> line.contains(LINK)).toList()).as(what)
                        .singleElement().satisfies(line -> assertThat(line).endsWith(": " + LINK));
                assertThat(body).as(what).contains("\n" + MessageTexts.text(language, template.severity() == null
                        ? MessageTemplate.PRIVACY_PATIENT : MessageTemplate.PRIVACY_STAFF) + "\n");
                assertThat(body.contains(settings)).as(what + " tells where to change reminders only if it is one")
                        .isEqualTo(reminders.contains(template));
            }
        }
        assertThat(MessageTemplate.REMINDER.emailBody(Language.EN, LINK)).isEqualTo("""
                Hello,

                Your program for today is ready.
                Sign in to see it: http://portal.example/

                For your privacy this email contains no health details.
                You can change when and how we remind you in your notification settings.
                HomeProgram
                """);
        assertThat(MessageTemplate.REMINDER.emailBody(Language.ES, LINK)).isEqualTo("""
                Hola:

                Su programa de hoy está listo.
                Inicie sesión para verlo: http://portal.example/

                Para proteger su privacidad, este correo no contiene datos de salud.
                Puede cambiar cuándo y cómo le enviamos recordatorios en la configuración de notificaciones.
                HomeProgram
                """);
        assertThat(MessageTemplate.REMINDER.emailBody(Language.DE, LINK)).isEqualTo("""
                Guten Tag,

                Ihr Programm für heute ist bereit.
                Melden Sie sich an, um es zu sehen: http://portal.example/

                Zum Schutz Ihrer Privatsphäre enthält diese E-Mail keine Gesundheitsdaten.
                In Ihren Benachrichtigungseinstellungen können Sie ändern, wann und wie wir Sie erinnern.
                HomeProgram
                """);
        assertThat(MessageTemplate.CARE_TEAM_CONFIRMATION_NEEDED.emailBody(Language.EN, LINK)).isEqualTo("""
                Hello,

                An administrator asked to add a colleague to the care team of a patient in your care.
                Nothing changes until a therapist of the care team confirms. Please review it: http://portal.example/

                If you did not expect this request, decline it and tell your clinic.
                For privacy this email contains no health details.
                HomeProgram
                """);
        assertThat(MessageTemplate.ESCALATION_CONTACT.emailBody(Language.EN, LINK)).contains("""
                You are the clinic's escalation contact. An urgent notice about a patient has not been
                acknowledged by the patient's care team in time. Please make sure a clinician acts now.
                """);
    }
}
