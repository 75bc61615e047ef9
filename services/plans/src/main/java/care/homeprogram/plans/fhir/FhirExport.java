package care.homeprogram.plans.fhir;

import care.homeprogram.plans.client.PatientDetails;
import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.SessionLog;
import java.time.DayOfWeek;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * A patient's plans, sessions and pain scores as an HL7 FHIR R4 collection Bundle: Patient, Practitioner, CarePlan
 * (statuses map 1:1) and pain Observations (LOINC 72514-3, 0–10). Pure mapping, no I/O.
 */
public final class FhirExport {
    public static final String IDENTITY_SYSTEM = "https://homeprogram.care/fhir/identity";
    public static final String LOINC = "http://loinc.org";
    public static final String PAIN_SEVERITY = "72514-3";

    private FhirExport() {
    }

    public static Bundle bundle(UUID patientId, Optional<PatientDetails> details, boolean patientServiceAvailable,
            List<Plan> plans, List<SessionLog> sessions) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        bundle.addEntry().setFullUrl("Patient/" + patientId).setResource(patient(patientId, details));
        plans.stream().map(p -> p.therapistId).distinct()
                .forEach(t -> bundle.addEntry().setFullUrl("Practitioner/" + t).setResource(practitioner(t)));
        plans.forEach(p -> bundle.addEntry().setFullUrl("CarePlan/" + p.id).setResource(carePlan(p)));
        for (SessionLog s : sessions) {
            bundle.addEntry().setResource(pain(s, s.painBefore, "before"));
            bundle.addEntry().setResource(pain(s, s.painAfter, "after"));
        }
        if (!patientServiceAvailable) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.TRANSIENT)
                    .setDiagnostics("Patient details are temporarily unavailable; name and birth date are left out");
            bundle.addEntry().setResource(outcome);
        }
        return bundle;
    }

    static Patient patient(UUID id, Optional<PatientDetails> details) {
        Patient patient = new Patient();
        patient.setId(id.toString());
        patient.addIdentifier(new Identifier().setSystem(IDENTITY_SYSTEM).setValue(id.toString()));
        details.ifPresent(d -> {
            patient.addName(new HumanName().setFamily(d.lastName()).addGiven(d.firstName()));
            if (d.birthDate() != null) {
                patient.setBirthDateElement(new DateType(d.birthDate().toString()));
            }
            if (d.preferredLanguage() != null) {
                patient.addCommunication().setPreferred(true)
                        .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", d.preferredLanguage(), null)));
            }
        });
        return patient;
    }

    static Practitioner practitioner(UUID id) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id.toString());
        practitioner.addIdentifier(new Identifier().setSystem(IDENTITY_SYSTEM).setValue(id.toString()));
        return practitioner;
    }

    static CarePlan carePlan(Plan plan) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.id.toString());
        carePlan.setStatus(status(plan.status));
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Home program");
        carePlan.setSubject(new Reference("Patient/" + plan.patientId));
        carePlan.setAuthor(new Reference("Practitioner/" + plan.therapistId));
        carePlan.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(
                plan.startDate.toString())));
        carePlan.addIdentifier(new Identifier().setSystem("https://homeprogram.care/fhir/plan-version")
                .setValue(plan.id + "/" + plan.version));
        for (PlanItem item : plan.items) {
            if (item.status == PlanItem.Status.REMOVED) {
                continue;
            }
            CarePlan.CarePlanActivityDetailComponent detail = carePlan.addActivity().getDetail();
            detail.setKind(CarePlan.CarePlanActivityKind.SERVICEREQUEST);
            detail.setCode(new CodeableConcept().setText(item.name));
            detail.setStatus(item.status == PlanItem.Status.PAUSED ? CarePlan.CarePlanActivityStatus.ONHOLD
                    : CarePlan.CarePlanActivityStatus.INPROGRESS);
            if (item.pausedReason != null) {
                detail.setStatusReason(new CodeableConcept().setText(item.pausedReason));
            }
            detail.setDescription(doseText(item.dose));
            detail.setScheduled(timing(item.dose));
        }
        return carePlan;
    }

    /** DRAFT, ACTIVE, ON_HOLD, COMPLETED, REVOKED map 1:1 to FHIR's draft, active, on-hold, completed, revoked. */
    public static CarePlan.CarePlanStatus status(Plan.Status status) {
        return switch (status) {
            case DRAFT -> CarePlan.CarePlanStatus.DRAFT;
            case ACTIVE -> CarePlan.CarePlanStatus.ACTIVE;
            case ON_HOLD -> CarePlan.CarePlanStatus.ONHOLD;
            case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
            case REVOKED -> CarePlan.CarePlanStatus.REVOKED;
        };
    }

    static Timing timing(Dose dose) {
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent()
                .setFrequency(dose.timesPerDay()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
        for (DayOfWeek day : dose.daysOfWeek()) {
            repeat.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase()));
        }
        repeat.setBounds(new org.hl7.fhir.r4.model.Duration().setValue(dose.weeks()).setUnit("wk")
                .setSystem("http://unitsofmeasure.org").setCode("wk"));
        return new Timing().setRepeat(repeat);
    }

    static String doseText(Dose d) {
        StringBuilder text = new StringBuilder();
        if (d.sets() != null && d.reps() != null) {
            text.append(d.sets()).append(" × ").append(d.reps()).append(" reps");
        }
        if (d.holdSeconds() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("hold ").append(d.holdSeconds()).append(" s");
        }
        if (d.durationSeconds() != null) {
            text.append(text.isEmpty() ? "" : ", ").append(d.durationSeconds() / 60).append(" min");
        }
        return text.append(text.isEmpty() ? "" : "; ").append(d.timesPerDay()).append("× a day").toString();
    }

    static Observation pain(SessionLog session, int score, String when) {
        Observation observation = new Observation();
        observation.setId(session.id + "-" + when);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        observation.setCode(new CodeableConcept(new Coding(LOINC, PAIN_SEVERITY,
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported")));
        observation.setSubject(new Reference("Patient/" + session.patientId));
        observation.addBasedOn(new Reference("CarePlan/" + session.planId));
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(session.performedAt.toInstant())));
        observation.setValue(new IntegerType(score));
        observation.addNote().setText("Pain " + when + " the exercise");
        return observation;
    }

}
