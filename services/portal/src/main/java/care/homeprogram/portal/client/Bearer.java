package care.homeprogram.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;

/**
 * The signed-in person's access token as an Authorization header value: the portal calls the services as that
 * person (backend-for-frontend), so every service applies its own role and ownership rules. Never logged.
 */
@RequestScoped
public class Bearer {
    private final AccessTokenCredential accessToken;

    public Bearer(AccessTokenCredential accessToken) {
        this.accessToken = accessToken;
    }

    public String header() {
        return "Bearer " + accessToken.getToken();
    }
}
