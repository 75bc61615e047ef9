package care.homeprogram.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in person's access token with every call to a service: the portal calls the services as that
 * person (backend-for-frontend), so every service applies its own role and ownership rules. Registered on each REST
 * client interface, so no API method takes a token. The token is never logged.
 *
 * <p>It does what quarkus-rest-client-oidc-token-propagation's {@code @AccessToken} does for a web-app (code flow)
 * session, without one more extension to resolve for the offline build.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ClientRequestFilter {
    private final Instance<AccessTokenCredential> accessToken;

    public AccessTokenFilter(Instance<AccessTokenCredential> accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public void filter(ClientRequestContext request) {
        // Every page needs a signed-in person, so there is always a token here; without one the service answers 401.
        if (accessToken.isResolvable()) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.get().getToken());
        }
    }
}
