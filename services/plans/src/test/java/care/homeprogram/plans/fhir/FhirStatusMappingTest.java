package care.homeprogram.plans.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.domain.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FhirStatusMappingTest {
    @ParameterizedTest
    @EnumSource(Plan.Status.class)
    void everyPlanStatusMapsOneToOneOntoFhir(Plan.Status status) {
        assertThat(FhirExport.status(status).toCode()).isEqualTo(status.name().toLowerCase().replace('_', '-'));
    }
}
