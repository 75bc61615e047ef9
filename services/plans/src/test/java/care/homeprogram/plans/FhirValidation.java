package care.homeprogram.plans;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import care.homeprogram.plans.fhir.FhirExport;
import care.homeprogram.plans.service.InstrumentCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * red-flag Questionnaire and the outcome measures' Questionnaires (the shipped ones, and a synthetic ODI-shaped one
 * standing in for an imported licensed copy) are known as an EHR would know them, by their canonical URLs (the
 * validator does not look for them in the bundle), so every QuestionnaireResponse is checked against its questions.
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
        List<Questionnaire> known = new ArrayList<>();
        known.add(FhirExport.redFlagQuestionnaire());
        InstrumentCatalog.SHIPPED.forEach(key -> known.add(InstrumentCatalog.shippedQuestionnaire(fhir, key)));
        known.add(syntheticOdi(fhir));
        IValidationSupport homeProgram = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return fhir;
            }

            @Override
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                for (Questionnaire q : known) {
                    boolean wanted = (type == null || type.isInstance(q)) && (q.getUrl().equals(url)
                            || (q.getUrl() + "|" + q.getVersion()).equals(url));
                    if (wanted) {
                        @SuppressWarnings("unchecked")
                        T questionnaire = (T) q;
                        return questionnaire;
                    }
                }
                return null;
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

    /** An ODI-shaped Questionnaire with made-up wording (the licensed one is never in this repository). */
    static Questionnaire syntheticOdi(FhirContext fhir) {
        try (InputStream in = FhirValidation.class.getResourceAsStream("/instruments/odi-synthetic.questionnaire.json")) {
            return fhir.newJsonParser().parseResource(Questionnaire.class,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Report validate(Bundle bundle) {
        return new Report(bundle.getEntry().size(), validator.validateWithResult(bundle).getMessages());
    }
}
