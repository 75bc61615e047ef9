package care.homeprogram.patients;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.patients.client.KeycloakAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;

/** Keycloak that cannot delete on demand: the compensation fails too. Enabled only by {@link FaultInjectionProfile}. */
@Alternative
@Singleton
public class FaultyKeycloakAccounts extends KeycloakAccounts {
    static final AtomicBoolean FAIL_DELETE = new AtomicBoolean();

    public FaultyKeycloakAccounts(Keycloak keycloak, @ConfigProperty(name = "homeprogram.keycloak.realm") String realm,
            ObjectMapper mapper) {
        super(keycloak, realm, mapper);
    }

    @Override
    public void delete(UUID id) {
        if (FAIL_DELETE.get()) {
            throw new ProblemException(503, "accounts-unavailable", "Accounts unavailable", "injected: Keycloak down");
        }
        super.delete(id);
    }
}
