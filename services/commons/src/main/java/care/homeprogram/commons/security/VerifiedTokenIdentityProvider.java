package care.homeprogram.commons.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once per token rather than once per request (docs/security.md, "Verified tokens"). Asked
 * before Quarkus OIDC (a higher {@link #priority()}), it answers a request carrying exactly the text of a token that
 * Quarkus OIDC has already accepted with the identity that verification built, until the token's {@code exp}; any
 * other token, and every token that is not a plain bearer access token, goes to Quarkus OIDC as before, and what that
 * accepts is kept. The identity manager runs the augmentors on what this returns, kept or not, and the roles, the
 * audience, the issuer and the signature were all checked by the verification that built the kept identity.
 *
 * <p>The trade-off: a token verified before its signing key was withdrawn is still accepted until its exp (at most
 * the token's lifetime, minutes for Keycloak's access tokens). {@code homeprogram.verified-tokens.max-entries=0}
 * turns the cache off.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Above Quarkus OIDC's provider (the default, {@code SYSTEM_FIRST + 1}), so this one is asked first. */
    static final int PRIORITY = SYSTEM_FIRST * 2;

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens verified;
    private final Counter answeredKept;
    private final Counter answeredVerified;

    public VerifiedTokenIdentityProvider(OidcIdentityProvider oidc, MeterRegistry registry,
            @ConfigProperty(name = "homeprogram.verified-tokens.max-entries", defaultValue = "2000") int maxEntries) {
        this.oidc = oidc;
        // The system clock, not the application's Clock bean: the kept token must lapse when Quarkus OIDC (which
        // reads the system clock) would refuse it, even in tests that move the application's clock.
        this.verified = new VerifiedTokens(maxEntries, Clock.systemUTC());
        this.answeredKept = registry.counter("homeprogram.security.tokens", "answer", "kept");
        this.answeredVerified = registry.counter("homeprogram.security.tokens", "answer", "verified");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        // Only a plain bearer access token: an ID token or a code flow's tokens carry their session's state, and a
        // request without its HTTP context cannot be given one.
        if (http == null || request.getToken().getClass() != AccessTokenCredential.class) {
            return oidc.authenticate(request, context);
        }
        String key = http.get(OidcUtils.TENANT_ID_ATTRIBUTE) + " " + request.getToken().getToken();
        SecurityIdentity kept = verified.find(key);
        if (kept != null) {
            answeredKept.increment();
            return Uni.createFrom().item(forThisRequest(kept, http));
        }
        answeredVerified.increment();
        return oidc.authenticate(request, context).onItem().invoke(identity -> keep(key, identity));
    }

    private void keep(String key, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt
                // A token bound to a client certificate or a DPoP key is checked against each request's proof.
                && jwt.getClaim("cnf") == null) {
            verified.keep(key, identity, jwt.getExpirationTime());
        }
    }

    /** The kept identity with this request's HTTP context in place of the one it was verified in. */
    private static SecurityIdentity forThisRequest(SecurityIdentity kept, RoutingContext http) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept);
        OidcUtils.setRoutingContextAttribute(builder, http);
        OidcUtils.setBlockingApiAttribute(builder, http);
        return builder.build();
    }
}
