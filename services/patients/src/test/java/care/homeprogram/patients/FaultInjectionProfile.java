package care.homeprogram.patients;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** Swaps in the failing-on-demand halves of an account creation; production code has no fault hooks. */
public class FaultInjectionProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FaultyPatientRecords.class, FaultyKeycloakAccounts.class);
    }
}
