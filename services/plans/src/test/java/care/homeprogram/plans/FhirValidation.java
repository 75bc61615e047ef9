package care.homeprogram.plans;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import care.homeprogram.plans.fhir.FhirExport;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HL7's instance validator against the core R4 profiles, offline: the base StructureDefinitions and the code
 * systems and value sets shipped with them, the common ones (UCUM, BCP-47 languages, MIME types, countries), and
 * snapshots generated on demand. LOINC and SNOMED CT are not shipped and no terminology server is reachable, so a
 * code from such a system is reported as a warning ("cannot be validated"), never as an error. HomeProgram's
 * red-flag Questionnaire is known as an EHR would know it, by its canonical URL (the validator does not look for it in
 * the bundle), so every QuestionnaireResponse is checked against its questions.
 */
final class FhirValidation {
    /** One result of a validation: every message, as the validator worded it. */
    record Report(int resources, List<SingleValidationMessage> messages) {
        List<SingleValidationMessage> errors() {
            return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
        }

        long warnings() {
            return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).count();
        }

        String summary() {
            return "[fhir-validation] " + resources + " resources, " + errors().size() + " errors, " + warnings()
                    + " warnings";
        }

        String details() {
            StringBuilder text = new StringBuilder();
            for (SingleValidationMessage m : messages) {
                text.append(m.getSeverity()).append(' ').append(m.getLocationString()).append(": ")
                        .append(m.getMessage()).append('\n');
            }
            return text.toString();
        }
    }

    private final FhirValidator validator;

    FhirValidation(FhirContext fhir) {
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(
                fhir);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        // HAPI's PrePopulatedValidationSupport keeps only conformance resources, not Questionnaires.
        Questionnaire redFlags = FhirExport.redFlagQuestionnaire();
        IValidationSupport homeProgram = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return fhir;
            }

            @Override
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                boolean wanted = (type == null || type.isInstance(redFlags)) && (redFlags.getUrl().equals(url)
                        || (redFlags.getUrl() + "|" + redFlags.getVersion()).equals(url));
                @SuppressWarnings("unchecked")
                T questionnaire = wanted ? (T) redFlags : null;
                return questionnaire;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                homeProgram,
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir),
                // Last: only a code system nobody before it knows (LOINC, SNOMED CT) ends up here.
                unknownCodeSystems);
        validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    Report validate(Bundle bundle) {
        return new Report(bundle.getEntry().size(), validator.validateWithResult(bundle).getMessages());
    }
}
