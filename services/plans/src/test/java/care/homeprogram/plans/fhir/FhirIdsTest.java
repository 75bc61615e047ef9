package care.homeprogram.plans.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FhirIdsTest {
    /** RFC 9562's own example: an EHR can recompute an export id with any standard version-5 implementation. */
    @Test
    void nameBasedIdsAreStandardVersion5Uuids() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(FhirIds.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void anExportIdIsStableOpaqueAndDiffersByKind() {
        UUID login = UUID.fromString("d0000000-0000-4000-8000-000000000011");
        assertThat(FhirIds.of("Patient", login)).isEqualTo(FhirIds.of("Patient", login))
                .isNotEqualTo(login).isNotEqualTo(FhirIds.of("Practitioner", login));
        assertThat(FhirIds.of("Patient", login).version()).isEqualTo(5);
    }
}
