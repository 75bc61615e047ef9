package care.homeprogram.commons.rest;

import care.homeprogram.contract.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service caps request bodies (set per service, far below Quarkus's 10M default: nothing a person types is that
 * big). Vert.x answers an oversized body with a bare 413; this route runs before the body is read and turns a declared
 * {@code Content-Length} over the cap into a 413 problem+json, like every other refusal. A chunked body without a
 * length still meets the cap while it is read, and gets Vert.x's plain 413.
 * <p>
 * The cap is {@code homeprogram.http.max-body-size} when set, else {@code quarkus.http.limits.max-body-size}. A
 * service with a few routes that take large streamed bodies (plan-service's media uploads) names them in
 * {@code homeprogram.http.large-bodies} as {@code path-regex=size} pairs separated by commas, and raises
 * {@code quarkus.http.limits.max-body-size} to the largest of them: Quarkus's own check then lets those through, and
 * this route holds every other route to the small cap, for declared lengths here and for chunked bodies by handing
 * the route's cap to the request's input stream (the {@value #QUARKUS_LIMIT_KEY} key Quarkus REST reads).
 */
@ApplicationScoped
public class BodyLimit {
    /** The routing-context key from which Quarkus REST's input stream takes the cap of a body without a length. */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";

    private final Optional<Long> defaultLimit;
    private final Map<Pattern, Long> largeBodies;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusLimit,
            @ConfigProperty(name = "homeprogram.http.max-body-size") Optional<MemorySize> serviceLimit,
            @ConfigProperty(name = "homeprogram.http.large-bodies") Optional<String> largeBodies) {
        this.defaultLimit = serviceLimit.or(() -> quarkusLimit).map(MemorySize::asLongValue);
        this.largeBodies = parse(largeBodies.orElse(""));
    }

    static Map<Pattern, Long> parse(String routes) {
        Map<Pattern, Long> parsed = new LinkedHashMap<>();
        for (String route : routes.split(",")) {
            if (route.isBlank()) {
                continue;
            }
            int equals = route.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("homeprogram.http.large-bodies: expected path-regex=size, got "
                        + route.trim());
            }
            parsed.put(Pattern.compile(route.substring(0, equals).trim()),
                    new io.quarkus.runtime.configuration.MemorySizeConverter().convert(route.substring(equals + 1).trim())
                    .asLongValue());
        }
        return parsed;
    }

    /** The cap of a request to this path: a large-body route's own, else the service's. */
    Optional<Long> limitFor(String path) {
        for (Map.Entry<Pattern, Long> route : largeBodies.entrySet()) {
            if (route.getKey().matcher(path).matches()) {
                return Optional.of(route.getValue());
            }
        }
        return defaultLimit;
    }

    void install(@Observes Router router) {
        if (defaultLimit.isEmpty()) {
            return;
        }
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::refuseDeclaredOversize);
        if (!largeBodies.isEmpty()) {
            // After Quarkus's own upload limit (ROUTE_ORDER_UPLOAD_LIMIT), which set the service-wide maximum.
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
                if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                    limitFor(ctx.normalizedPath()).ifPresent(max -> ctx.put(QUARKUS_LIMIT_KEY, max));
                }
                ctx.next();
            });
        }
    }

    private void refuseDeclaredOversize(RoutingContext ctx) {
        long max = limitFor(ctx.normalizedPath()).orElse(Long.MAX_VALUE);
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1; // Vert.x itself refuses a malformed length
        }
        if (declared > max) {
            String body = "{\"type\":\"" + Problem.type("body-too-large") + "\",\"title\":\"Request body too large\","
                    + "\"status\":413,\"detail\":\"A request body here may be at most " + max + " bytes\"}";
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(body);
            return;
        }
        ctx.next();
    }
}
