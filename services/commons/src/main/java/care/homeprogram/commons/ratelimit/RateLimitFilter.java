package care.homeprogram.commons.ratelimit;

import care.homeprogram.contract.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Enforces {@link RateLimited} on the endpoints that carry it, after authentication (so the caller is known). */
public class RateLimitFilter {
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    /** Above this many remembered callers, those whose buckets are full again are forgotten. */
    private static final int MAX_REMEMBERED = 50_000;

    private final Map<Method, Optional<Limit>> limits = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Config config;
    private final Instance<SecurityIdentity> identity;

    @Inject
    public RateLimitFilter(Config config, Instance<SecurityIdentity> identity) {
        this.config = config;
        this.identity = identity;
    }

    record Limit(String name, int requests, Duration per) {
    }

    @ServerRequestFilter
    public Response limit(ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Optional<Limit> limit = limits.computeIfAbsent(method, this::limitOf);
        if (limit.isEmpty()) {
            return null;
        }
        Limit l = limit.get();
        long now = System.nanoTime();
        String caller = caller(request);
        TokenBucket bucket = buckets.computeIfAbsent(l.name() + " " + caller,
                key -> new TokenBucket(l.requests(), l.per().toNanos(), now));
        long wait = bucket.take(now);
        if (buckets.size() > MAX_REMEMBERED) {
            buckets.values().removeIf(b -> b.full(now));
        }
        if (wait == 0) {
            return null;
        }
        long retryAfter = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        // Who exceeded which limit, never what they sent: the caller is an opaque id or an address.
        LOG.infof("rate limit %s exceeded by %s (%d per %s)", l.name(), caller, l.requests(), l.per());
        String path = request.path();
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(retryAfter))
                .entity(new Problem(Problem.type("rate-limited"), "Too many requests", 429,
                        "You have made too many of these requests (at most " + l.requests() + " per " + words(l.per())
                                + "); try again in " + retryAfter + " s",
                        path, null))
                .build();
    }

    /** The token's subject when signed in; otherwise the client address (the proxy's only if it is trusted). */
    private String caller(HttpServerRequest request) {
        SecurityIdentity current = identity.isResolvable() ? identity.get() : null;
        if (current != null && !current.isAnonymous() && current.getPrincipal() instanceof JsonWebToken token
                && token.getSubject() != null) {
            return "sub:" + token.getSubject();
        }
        if (current != null && !current.isAnonymous()) {
            return "principal:" + current.getPrincipal().getName();
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private Optional<Limit> limitOf(Method method) {
        RateLimited annotation = method.getAnnotation(RateLimited.class);
        if (annotation == null) {
            return Optional.empty();
        }
        String prefix = "homeprogram.rate-limit." + annotation.value();
        int requests = config.getValue(prefix + ".requests", Integer.class);
        Duration per = config.getValue(prefix + ".per", Duration.class);
        if (requests < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalStateException(prefix + " must allow at least one request in a positive period");
        }
        return Optional.of(new Limit(annotation.value(), requests, per));
    }

    private static String words(Duration per) {
        long seconds = per.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
