package care.homeprogram.plans.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One FHIR R4 context per application: creating it scans the whole model and is expensive. */
@ApplicationScoped
public class FhirContextProducer {
    @Produces
    @ApplicationScoped
    FhirContext r4() {
        return FhirContext.forR4();
    }
}
