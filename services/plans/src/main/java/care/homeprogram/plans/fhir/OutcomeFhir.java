package care.homeprogram.plans.fhir;

import care.homeprogram.plans.outcomes.Instrument;
import care.homeprogram.plans.outcomes.ScoringRules;
import care.homeprogram.plans.outcomes.Scorer;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The FHIR resources of outcome measures: a patient's answers as a QuestionnaireResponse of the instrument's
 * Questionnaire, each computed score as a survey Observation derived from it (LOINC where LOINC has the score: pain
 * NRS 72514-3, ODI 97909-6; otherwise HomeProgram's code system {@link #SCORE_SYSTEM}). References use export ids
 * ({@link FhirIds}), so the stored resources go into an export unchanged. Pure mapping.
 */
public final class OutcomeFhir {
    public static final String SCORE_SYSTEM = "https://homeprogram.care/fhir/CodeSystem/outcome-score";

    private OutcomeFhir() {
    }

    public static QuestionnaireResponse response(UUID responseId, UUID patientId, UUID planId, Instrument instrument,
            OffsetDateTime answeredAt) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(FhirIds.of("QuestionnaireResponse", responseId).toString());
        response.setQuestionnaire(instrument.canonical());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(FhirExport.ref("Patient", patientId));
        response.setAuthor(FhirExport.ref("Patient", patientId));
        response.setSource(FhirExport.ref("Patient", patientId));
        response.addBasedOn(FhirExport.ref("CarePlan", planId));
        response.setAuthored(Date.from(answeredAt.toInstant()));
        return response;
    }

    /** The narrative, once the items are in: what a reader of the record sees. */
    public static QuestionnaireResponse withNarrative(QuestionnaireResponse response, Instrument instrument) {
        return FhirExport.narrative(response, instrument.title() + " answered " + response.getAuthored().toInstant()
                + ": " + response.getItem().stream().map(OutcomeFhir::answerText).collect(Collectors.joining("; ")));
    }

    private static String answerText(QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
        if (item.hasItem()) {
            return item.getItem().stream().map(OutcomeFhir::answerText).collect(Collectors.joining(", "));
        }
        var value = item.getAnswerFirstRep().getValue();
        String text = value instanceof Coding c ? (c.hasDisplay() ? c.getDisplay() : c.getCode())
                : value.primitiveValue();
        return item.getLinkId() + " = " + text;
    }

    public static Observation score(UUID responseId, UUID patientId, UUID planId, Instrument instrument,
            ScoringRules.ScoreRule rule, Scorer.Score score, OffsetDateTime answeredAt) {
        Observation observation = new Observation();
        observation.setId(FhirIds.of("Observation", responseId + "/" + score.id()).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        ScoringRules.Code code = rule.code() != null ? rule.code()
                : new ScoringRules.Code(SCORE_SYSTEM, instrument.key() + "-" + rule.id(), rule.title());
        observation.setCode(new CodeableConcept(new Coding(code.system(), code.code(), code.display()))
                .setText(rule.title()));
        observation.setSubject(FhirExport.ref("Patient", patientId));
        observation.addPerformer(FhirExport.ref("Patient", patientId));
        observation.addBasedOn(FhirExport.ref("CarePlan", planId));
        observation.addDerivedFrom(FhirExport.ref("QuestionnaireResponse", responseId));
        observation.setEffective(new DateTimeType(Date.from(answeredAt.toInstant())));
        // A score has no unit: UCUM's "1" (an annotation like {score} is ignored by UCUM and discouraged).
        observation.setValue(new Quantity().setValue(score.value()).setUnit(rule.unit() == null ? "score" : rule.unit())
                .setSystem(FhirExport.UCUM).setCode(rule.unit() == null ? "1" : rule.unit()));
        String text = rule.title() + ": " + score.value().toPlainString() + (rule.unit() == null ? "" : rule.unit());
        if (score.band() != null) {
            observation.addNote().setText("Band: " + score.band());
            text += " (" + score.band() + ")";
        }
        return FhirExport.narrative(observation, text + ", answered " + answeredAt.toInstant());
    }

    /** The instrument's Questionnaire as an export carries it: its id from its canonical, with a narrative. */
    public static Questionnaire questionnaire(Instrument instrument) {
        Questionnaire questionnaire = instrument.questionnaire().copy();
        questionnaire.setId(FhirIds.of("Questionnaire", instrument.canonical()).toString());
        if (!questionnaire.hasText()) {
            FhirExport.narrative(questionnaire, instrument.title() + (questionnaire.hasCopyright()
                    ? " — " + questionnaire.getCopyright() : ""));
        }
        return questionnaire;
    }
}
