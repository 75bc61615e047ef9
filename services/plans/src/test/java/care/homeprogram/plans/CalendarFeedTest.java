package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 5: the patient subscribes to their program as an iCalendar feed at a secret link. The feed is valid
 * RFC 5545, names no exercise, diagnosis or pain, follows the patient's dates in their time zone, and the link stops
 * working when rotated or revoked; fetches are audited for the patient with the feed as the actor.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class CalendarFeedTest {
    @Inject
    AuditLog audit;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void aPatientSubscribesRotatesAndRevokesAndOldLinksAnswer404() {
        String pat = Tokens.accessToken("pat");
        JsonPath created = given().auth().oauth2(pat).post("/api/calendar-feed").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true)).extract().jsonPath();
        String url = created.getString("url");
        assertThat(url).matches("http://localhost:8080/api/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(created.getString("webcalUrl")).isEqualTo(url.replaceFirst("^http://", "webcal://"));
        assertThat(token(url)).as("256 random bits").hasSize(43);

        given().auth().oauth2(pat).get("/api/calendar-feed").then().statusCode(200)
                .body("active", equalTo(true)).body("url", nullValue()).body("lastFetchedAt", nullValue());
        Response feed = given().get(path(url));
        feed.then().statusCode(200).contentType(startsWith("text/calendar"))
                .header("Cache-Control", "private, no-store");
        Rfc5545.check(feed.asString());
        given().auth().oauth2(pat).get("/api/calendar-feed").then().statusCode(200)
                .body("lastFetchedAt", org.hamcrest.Matchers.notNullValue());

        // Rotating: a new link, the old one is dead at once.
        String rotated = given().auth().oauth2(pat).post("/api/calendar-feed").then().statusCode(201).extract()
                .path("url");
        assertThat(rotated).isNotEqualTo(url);
        given().get(path(url)).then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get(path(rotated)).then().statusCode(200);

        // Revoking: nothing works, and the patient sees it.
        given().auth().oauth2(pat).delete("/api/calendar-feed").then().statusCode(204);
        given().get(path(rotated)).then().statusCode(404);
        given().auth().oauth2(pat).get("/api/calendar-feed").then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(pat).delete("/api/calendar-feed").then().statusCode(204);

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM calendar_feed WHERE token_sha256 = :t OR token_sha256 = :r")
                .setParameter("t", token(url)).setParameter("r", token(rotated)).getSingleResult()))
                .as("the token itself is never stored").isEqualTo(0L);
    }

    @Test
    void theFeedIsValidAndFreeOfHealthDetails() {
        String planId = assignAcute("tara", PAT);
        String url = subscribe("pat");
        String ics = given().get(path(url)).then().statusCode(200).extract().asString();
        List<Rfc5545.Event> events = Rfc5545.check(ics);
        assertThat(events).as("a day of the acute program's four weeks each").hasSizeGreaterThanOrEqualTo(28);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("SUMMARY")).isEqualTo("Home program");
            assertThat(e.get("DESCRIPTION")).isEqualTo("Your exercises for today: http://localhost:8080/today");
            assertThat(e.get("UID")).doesNotContain(PAT.toString()).doesNotContain(planId);
        });

        // Nothing the plan says about the patient appears anywhere: names, words, the template, the condition.
        JsonPath plan = given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then()
                .statusCode(200).extract().jsonPath();
        List<String> secrets = new ArrayList<>(List.of("back", "spasm", "BACK_SPASM", "pain", planId,
                PAT.toString(), "Europe/Berlin"));
        secrets.addAll(plan.getList("items.name"));
        secrets.addAll(plan.getList("items.summary"));
        secrets.addAll(plan.getList("items.whySafe"));
        plan.<List<String>>getList("items.instructions").forEach(secrets::addAll);
        plan.<List<String>>getList("items.cautions").forEach(secrets::addAll);
        String readable = Rfc5545.unfoldedText(ics).toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(readable).as("the feed names no health detail").doesNotContain(secret.toLowerCase(Locale.ROOT));
        }

        // A stable calendar: the same days keep their UIDs between fetches.
        List<Rfc5545.Event> again = Rfc5545.check(given().get(path(url)).then().statusCode(200).extract().asString());
        assertThat(again.stream().map(e -> e.get("UID")).toList())
                .isEqualTo(events.stream().map(e -> e.get("UID")).toList());
    }

    /**
     * At 03:00 UTC it is already tomorrow in Berlin (pat) and still today in New York (sam): each feed starts on the
     * patient's own date, as their Today page does.
     */
    @Test
    void theDaysAreThePatientsOwnInTheirTimeZone() {
        Instant now = TestClockProducer.CLOCK.instant();
        Instant threeAm = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        TestClockProducer.CLOCK.advanceTo(threeAm);
        LocalDate berlin = LocalDate.ofInstant(TestClockProducer.CLOCK.instant(), ZoneId.of("Europe/Berlin"));
        LocalDate newYork = LocalDate.ofInstant(TestClockProducer.CLOCK.instant(), ZoneId.of("America/New_York"));
        assertThat(newYork).isEqualTo(berlin.minusDays(1));
        assertThat(LocalDate.ofInstant(TestClockProducer.CLOCK.instant(), ZoneOffset.UTC)).isEqualTo(berlin);

        assignAcute("tara", PAT);
        assignAcute("tara", SAM);
        List<Rfc5545.Event> pats = Rfc5545.check(given().get(path(subscribe("pat"))).then().statusCode(200)
                .extract().asString());
        List<Rfc5545.Event> sams = Rfc5545.check(given().get(path(subscribe("sam"))).then().statusCode(200)
                .extract().asString());
        assertThat(pats.get(0).startDate()).isEqualTo(berlin);
        assertThat(sams.get(0).startDate()).isEqualTo(newYork);
        assertThat(pats).allSatisfy(e -> assertThat(e.properties()).containsKey("DTSTART;VALUE=DATE"));
        assertThat(sams.stream().map(Rfc5545.Event::startDate).toList()).contains(newYork, newYork.plusDays(27));
        assertThat(pats.stream().map(Rfc5545.Event::startDate).toList()).doesNotContain(berlin.minusDays(1));
    }

    @Test
    void onlyPatientsManageTheirOwnFeed() {
        String url = subscribe("pat");
        for (String who : List.of("tara", "ada")) {
            String token = Tokens.accessToken(who);
            given().auth().oauth2(token).get("/api/calendar-feed").then().statusCode(403);
            given().auth().oauth2(token).post("/api/calendar-feed").then().statusCode(403);
            given().auth().oauth2(token).delete("/api/calendar-feed").then().statusCode(403);
        }
        given().get("/api/calendar-feed").then().statusCode(401);
        given().post("/api/calendar-feed").then().statusCode(401);
        given().delete("/api/calendar-feed").then().statusCode(401);

        // sam rotating and revoking his own feed leaves pat's alone: there is no way to name someone else's.
        String sam = Tokens.accessToken("sam");
        given().auth().oauth2(sam).post("/api/calendar-feed").then().statusCode(201);
        given().auth().oauth2(sam).delete("/api/calendar-feed").then().statusCode(204);
        given().auth().oauth2(sam).get("/api/calendar-feed").then().statusCode(200).body("active", equalTo(false));
        given().get(path(url)).then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/calendar-feed").then().statusCode(200)
                .body("active", equalTo(true));
    }

    @Test
    void madeUpAndMalformedLinksAre404NotErrors() {
        String valid = token(subscribe("pat"));
        String flipped = (valid.charAt(0) == 'A' ? "B" : "A") + valid.substring(1);
        for (String token : List.of(flipped, "x", "0", valid + "A", valid.substring(1), "zzz", "%00", "%E2%98%83%E2%98%83", "a%20b",
                "-".repeat(43), "9".repeat(3000), "%27%20OR%201%3D1%20--", "..")) {
            int status = given().urlEncodingEnabled(false).get("/api/calendar/" + token + ".ics").statusCode();
            assertThat(status).as("token %s", token.length() > 50 ? token.substring(0, 50) + "…" : token)
                    .isEqualTo(404);
        }
        given().get("/api/calendar/.ics").then().statusCode(404);
        given().get("/api/calendar/" + valid).then().statusCode(404);
        given().get("/api/calendar/" + valid + ".ics").then().statusCode(200);
    }

    @Test
    void eachFetchIsAuditedForThePatientWithTheFeedAsActorAndNeverTheToken() {
        String url = subscribe("pat");
        String fetched = "calendar-" + UUID.randomUUID();
        given().header("X-Correlation-Id", fetched).get(path(url)).then().statusCode(200);
        AuditEntry entry = audit.byCorrelationId(fetched).stream().reduce((a, b) -> {
            throw new AssertionError("one record: " + a + ", " + b);
        }).orElseThrow();
        assertThat(entry.patientId()).isEqualTo(PAT);
        assertThat(entry.actorRole()).isEqualTo("calendar-feed");
        assertThat(entry.actorSub()).as("the feed's id").isEqualTo(entry.objectId());
        assertThat(UUID.fromString(entry.actorSub())).isNotNull();
        assertThat(entry.resource()).isEqualTo("/api/calendar/{token}.ics");
        assertThat(entry.action()).isEqualTo("READ");
        assertThat(entry.outcome()).isEqualTo("ALLOWED");

        String unknown = "calendar-unknown-" + UUID.randomUUID();
        given().header("X-Correlation-Id", unknown).get("/api/calendar/" + "A".repeat(43) + ".ics").then()
                .statusCode(404);
        assertThat(audit.byCorrelationId(unknown)).singleElement().satisfies(e -> {
            assertThat(e.actorRole()).isEqualTo("anonymous");
            assertThat(e.patientId()).isNull();
            assertThat(e.objectId()).isNull();
            assertThat(e.outcome()).isEqualTo("DENIED");
        });

        // A refused bearer token on the link: recorded before routing, with the route's template, not the link.
        // Refused tokens are recorded within a per-minute budget (UnroutedRequests) that another test class of this
        // JVM may just have used up (AuditTrailTest does, on purpose), so one is sent every few seconds until the
        // budget allows its record: at most a minute later.
        java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofSeconds(3)).untilAsserted(() -> {
                    String attempt = "calendar-refused-" + UUID.randomUUID();
                    refused.add(attempt);
                    given().auth().oauth2("not.a.token").header("X-Correlation-Id", attempt).get(path(url)).then()
                            .statusCode(401);
                    assertThat(refused.stream().flatMap(id -> audit.byCorrelationId(id).stream()).toList())
                            .isNotEmpty()
                            .allSatisfy(e -> assertThat(e.resource()).isEqualTo("/api/calendar/{token}.ics"));
                });

        String token = token(url);
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE object_id = :t OR resource LIKE :like OR actor_sub = :t")
                .setParameter("t", token).setParameter("like", "%" + token + "%").getSingleResult()))
                .as("the secret is nowhere in the trail").isEqualTo(0L);
    }

    /**
     * A calendar app's fetch says nothing of the patient's language, so the feed speaks the language the patient read
     * in when making the link (the portal sends its page's); a link from before languages were kept reads English.
     */
    @Test
    void theFeedSpeaksThePatientsLanguageOfWhenTheLinkWasMade() {
        assignAcute("tara", PAT);
        String pat = Tokens.accessToken("pat");
        for (var words : java.util.Map.of(
                "es-ES,es;q=0.9", java.util.List.of("Programa en casa", "Sus ejercicios de hoy: "),
                "de", java.util.List.of("Heimprogramm", "Ihre Übungen für heute: "),
                "fr, en;q=0.5", java.util.List.of("Home program", "Your exercises for today: ")).entrySet()) {
            String url = given().auth().oauth2(pat).header("Accept-Language", words.getKey())
                    .post("/api/calendar-feed").then().statusCode(201).extract().path("url");
            // the app's own Accept-Language does not change it
            String ics = given().header("Accept-Language", "en").get(path(url)).then().statusCode(200).extract()
                    .asString();
            assertThat(Rfc5545.check(ics)).isNotEmpty().allSatisfy(e -> {
                assertThat(e.get("SUMMARY")).isEqualTo(words.getValue().get(0));
                assertThat(e.get("DESCRIPTION")).isEqualTo(words.getValue().get(1) + "http://localhost:8080/today");
            });
        }

        String url = subscribe("pat");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE calendar_feed SET language = NULL WHERE patient_id = :p").setParameter("p", PAT)
                .executeUpdate());
        assertThat(Rfc5545.check(given().get(path(url)).then().statusCode(200).extract().asString()))
                .allSatisfy(e -> assertThat(e.get("SUMMARY")).isEqualTo("Home program"));
    }

    static String subscribe(String patient) {
        return given().auth().oauth2(Tokens.accessToken(patient)).post("/api/calendar-feed").then().statusCode(201)
                .extract().path("url");
    }

    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    static String token(String url) {
        String path = path(url);
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
    }
}
