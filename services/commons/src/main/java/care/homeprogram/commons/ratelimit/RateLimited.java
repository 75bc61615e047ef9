package care.homeprogram.commons.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one caller may use an expensive or abusable endpoint (docs/security.md, "Rate limits"). Each
 * caller (the token's {@code sub}; the client address when anonymous) has a token bucket per limit name, filled
 * to {@code homeprogram.rate-limit.<name>.requests} and refilled at that many per
 * {@code homeprogram.rate-limit.<name>.per}. An empty bucket answers 429 problem+json with Retry-After. Endpoints
 * that share a name share the caller's bucket. Buckets live in each replica's memory, so N replicas allow up to N
 * times the limit; the ingress limits per client address in front of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** Logging sessions, correcting or withdrawing them, and red-flag check-ins: each one runs the safety rules. */
    String CLINICAL_LOG = "clinical-log";
    /** Whole-record exports: the FHIR export of a patient and the audit log's export. */
    String EXPORT = "export";
    /** Creating accounts and resetting their credentials (Keycloak's admin API, e-mails to people). */
    String ACCOUNTS = "accounts";
    /**
     * A calendar app fetching a patient's feed by its secret link: anonymous, so counted per client address. Calendar
     * services fetch many people's feeds from few addresses, so the limit is generous; it stops one client hammering.
     */
    String CALENDAR_FEED = "calendar-feed";

    /** The limit's name in configuration. */
    String value();
}
