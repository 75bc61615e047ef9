package care.homeprogram.plans.service;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.CalendarFeedView;
import care.homeprogram.plans.domain.CalendarFeed;
import care.homeprogram.plans.domain.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The patient's program as a calendar feed at a secret link (docs/security.md, "Calendar feeds"). The link carries 256
 * random bits; only their SHA-256 is stored. Creating a feed again replaces the link (the old one answers 404 at
 * once); revoking deletes it. The feed names no exercise, diagnosis or pain: each day with exercises due is one
 * all-day event "Home program" linking to the portal's Today, on the patient's local dates.
 */
@ApplicationScoped
public class CalendarFeeds {
    /** The actor of a feed fetch in the audit trail: the link, not a signed-in person. */
    public static final String ACTOR = "calendar-feed";
    /** The feed's words in each language: PHI-free, the same for every patient. */
    record Words(String title, String todayDescription) {
    }

    static final Map<Language, Words> WORDS = Map.of(
            Language.EN, new Words("Home program", "Your exercises for today: "),
            Language.ES, new Words("Programa en casa", "Sus ejercicios de hoy: "),
            Language.DE, new Words("Heimprogramm", "Ihre Übungen für heute: "));
    /** 32 random bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final PlanSchedule schedule;
    private final AuditContext audit;
    private final String portalUrl;
    private final String feedBaseUrl;
    private final int weeksAhead;

    public CalendarFeeds(Clock clock, PlanSchedule schedule, AuditContext audit,
            @ConfigProperty(name = "homeprogram.portal-url") String portalUrl,
            @ConfigProperty(name = "homeprogram.calendar.public-url") String feedBaseUrl,
            @ConfigProperty(name = "homeprogram.calendar.weeks-ahead", defaultValue = "6") int weeksAhead) {
        this.clock = clock;
        this.schedule = schedule;
        this.audit = audit;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.feedBaseUrl = feedBaseUrl.replaceAll("/+$", "");
        this.weeksAhead = weeksAhead;
    }

    /** The feed iCalendar text and who it belongs to. */
    public record Feed(UUID feedId, UUID patientId, String ics) {
    }

    /** Whether the caller has a feed (never its link: that is not stored). */
    @Transactional
    public CalendarFeedView mine(CurrentUser caller) {
        return CalendarFeed.ofPatient(caller.id())
                .map(f -> new CalendarFeedView(true, f.createdAt, f.lastFetchedAt, null, null))
                .orElse(CalendarFeedView.NONE);
    }

    /**
     * A new link for the caller, replacing any earlier one (which stops working now); its words in {@code language},
     * the patient's reading language now, since a calendar app's fetch says nothing of it.
     */
    @Transactional
    public CalendarFeedView create(CurrentUser caller, Language language) {
        CalendarFeed.delete("patientId", caller.id());
        CalendarFeed.flush();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.patientId = caller.id();
        feed.tokenSha256 = sha256(token);
        feed.createdAt = OffsetDateTime.now(clock);
        feed.language = language.tag();
        feed.persist();
        audit.concernsObject(feed.id);
        String url = feedBaseUrl + "/api/calendar/" + token + ".ics";
        return new CalendarFeedView(true, feed.createdAt, null, url, url.replaceFirst("^https?://", "webcal://"));
    }

    /** The caller's link stops working; nothing to revoke is not an error. */
    @Transactional
    public void revoke(CurrentUser caller) {
        CalendarFeed.delete("patientId", caller.id());
    }

    /**
     * The feed behind a link. Unknown, revoked, rotated-away and malformed links are all 404 alike. A found link is
     * named in the audit record as the actor, for its patient.
     */
    @Transactional
    public Feed fetch(String token) {
        CalendarFeed feed = (token != null && TOKEN.matcher(token).matches()
                ? CalendarFeed.byTokenHash(sha256(token)) : java.util.Optional.<CalendarFeed>empty())
                .orElseThrow(() -> ProblemException.notFound("Calendar feed"));
        audit.concernsPatient(feed.patientId);
        audit.concernsObject(feed.id);
        audit.actedThrough(ACTOR, feed.id);
        feed.lastFetchedAt = OffsetDateTime.now(clock);
        return new Feed(feed.id, feed.patientId, ics(feed.patientId, WORDS.get(Language.ofTagOrEnglish(feed.language))));
    }

    private String ics(UUID patientId, Words words) {
        ZoneId zone = schedule.zoneOf(patientId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Plan> active = Plan.ofPatientWithItems(patientId, List.of(Plan.Status.ACTIVE));
        Instant now = clock.instant();
        String todayUrl = portalUrl + "/today";
        ICalendar cal = new ICalendar().begin("VCALENDAR")
                .property("VERSION", "2.0")
                .property("PRODID", "-//HomeProgram//Calendar feed//EN")
                .property("CALSCALE", "GREGORIAN")
                .property("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", words.title())
                .property("REFRESH-INTERVAL;VALUE=DURATION", "PT6H")
                .property("X-PUBLISHED-TTL", "PT6H");
        for (LocalDate date = today; date.isBefore(today.plusWeeks(weeksAhead)); date = date.plusDays(1)) {
            if (!hasExercises(active, date)) {
                continue;
            }
            cal.begin("VEVENT")
                    .property("UID", UUID.nameUUIDFromBytes(("homeprogram-calendar:" + patientId + ":" + date)
                            .getBytes(StandardCharsets.UTF_8)) + "@homeprogram")
                    .utc("DTSTAMP", now)
                    .date("DTSTART", date)
                    .date("DTEND", date.plusDays(1))
                    .text("SUMMARY", words.title())
                    .text("DESCRIPTION", words.todayDescription() + todayUrl)
                    .property("URL;VALUE=URI", todayUrl)
                    .property("TRANSP", "TRANSPARENT")
                    .end("VEVENT");
        }
        return cal.end("VCALENDAR").toString();
    }

    /** The Today page's rule ({@link PlanSchedule#dueOn}): anything due on the date in any active plan. */
    private static boolean hasExercises(List<Plan> active, LocalDate date) {
        return active.stream().anyMatch(plan -> !PlanSchedule.dueOn(plan, date).isEmpty());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
