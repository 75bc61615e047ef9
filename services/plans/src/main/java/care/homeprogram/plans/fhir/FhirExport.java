package care.homeprogram.plans.fhir;

import care.homeprogram.plans.client.PatientDetails;
import care.homeprogram.plans.domain.CheckIn;
import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.safety.RedFlag;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;

/**
 * A patient's record as an HL7 FHIR R4 collection Bundle, valid against the core R4 profiles (FhirValidationTest):
 * Patient, a Practitioner (and a PractitionerRole for each therapist in the care team) per therapist, CarePlans
 * (statuses map 1:1) whose activities carry the dose as structured Timing, pain Observations (LOINC 72514-3, 0–10,
 * before and after each session), red-flag check-ins as QuestionnaireResponses with their Questionnaire, and the
 * outcome measures' Questionnaires, QuestionnaireResponses and score Observations ({@link OutcomeFhir}).
 * Every entry has a {@code urn:uuid:} fullUrl from {@link FhirIds} and every reference points at one of them, so the
 * bundle resolves on its own and carries no login id. Pure mapping, no I/O.
 */
public final class FhirExport {
    /** Identifier systems: URIs of the product, values are export ids ({@link FhirIds}), never login ids. */
    public static final String PATIENT_ID_SYSTEM = "https://homeprogram.care/fhir/sid/patient";
    public static final String PRACTITIONER_ID_SYSTEM = "https://homeprogram.care/fhir/sid/practitioner";
    /** A plan's id as the plan API shows it (not a person's id), so a reader can ask the API about it. */
    public static final String PLAN_ID_SYSTEM = "https://homeprogram.care/fhir/sid/plan";
    public static final String PLAN_VERSION_SYSTEM = "https://homeprogram.care/fhir/sid/plan-version";
    public static final String RED_FLAG_QUESTIONNAIRE = "https://homeprogram.care/fhir/Questionnaire/red-flag-check-in";
    /** Bump when the questions (RedFlag) change; the canonical URL stays. */
    public static final String RED_FLAG_QUESTIONNAIRE_VERSION = "1";
    public static final String LOINC = "http://loinc.org";
    public static final String PAIN_SEVERITY = "72514-3";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";

    /** What the therapist in a Practitioner is called, where this export may show it. */
    public record Name(String given, String family) {
    }

    /**
     * Everything one export shows: the patient's plans (newest first), sessions, red-flag check-ins and current care
     * team, and the names of those therapists that the caller may see.
     */
    public record Record(UUID patientId, Optional<PatientDetails> details, boolean patientServiceAvailable,
            List<Plan> plans, List<SessionLog> sessions, List<CheckIn> checkIns, List<UUID> careTeam,
            Map<UUID, Name> therapistNames, Instant exportedAt, List<Resource> outcomes) {
        /** A record without outcome measures. */
        public Record(UUID patientId, Optional<PatientDetails> details, boolean patientServiceAvailable,
                List<Plan> plans, List<SessionLog> sessions, List<CheckIn> checkIns, List<UUID> careTeam,
                Map<UUID, Name> therapistNames, Instant exportedAt) {
            this(patientId, details, patientServiceAvailable, plans, sessions, checkIns, careTeam, therapistNames,
                    exportedAt, List.of());
        }
    }

    private FhirExport() {
    }

    public static Bundle bundle(Record record) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(record.exportedAt()));
        add(bundle, patient(record.patientId(), record.details()));
        Set<UUID> therapists = new LinkedHashSet<>(record.careTeam());
        record.plans().forEach(p -> therapists.add(p.therapistId));
        for (UUID therapist : therapists) {
            add(bundle, practitioner(therapist, Optional.ofNullable(record.therapistNames().get(therapist))));
        }
        record.careTeam().forEach(t -> add(bundle, practitionerRole(t)));
        record.plans().forEach(p -> add(bundle, carePlan(p)));
        for (SessionLog s : record.sessions()) {
            add(bundle, pain(s, s.painBefore, "before"));
            add(bundle, pain(s, s.painAfter, "after"));
        }
        if (!record.checkIns().isEmpty()) {
            add(bundle, redFlagQuestionnaire());
            record.checkIns().forEach(c -> add(bundle, checkIn(c)));
        }
        // Outcome measures (OutcomeFhir): each instrument's Questionnaire, then the responses and score Observations.
        record.outcomes().forEach(r -> add(bundle, r));
        if (!record.patientServiceAvailable()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.setId(FhirIds.of("OperationOutcome", record.patientId() + "/" + record.exportedAt()).toString());
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.TRANSIENT)
                    .setDiagnostics("Patient details are temporarily unavailable; name and birth date are left out");
            add(bundle, narrative(outcome, outcome.getIssueFirstRep().getDiagnostics()));
        }
        return bundle;
    }

    /** Every resource's id is its export UUID, and its fullUrl the urn:uuid form of that id. */
    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }

    private static <T extends Resource> T withId(T resource, String kind, Object internalId) {
        resource.setId(FhirIds.of(kind, internalId).toString());
        return resource;
    }

    /**
     * The human-readable summary every resource carries (the core profiles ask for one: dom-6), so a clinician
     * reading the record in an EHR that does not understand a resource still sees what it says.
     */
    static <T extends DomainResource> T narrative(T resource, String... paragraphs) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        for (String paragraph : paragraphs) {
            div.append("<p>").append(xml(paragraph)).append("</p>");
        }
        resource.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString(div.append("</div>")
                .toString());
        return resource;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static Reference ref(String kind, Object internalId) {
        return new Reference(FhirIds.urn(FhirIds.of(kind, internalId)));
    }

    static Patient patient(UUID id, Optional<PatientDetails> details) {
        Patient patient = withId(new Patient(), "Patient", id);
        patient.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(PATIENT_ID_SYSTEM)
                .setValue(FhirIds.of("Patient", id).toString()));
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
        return narrative(patient, details.map(d -> "Patient " + (d.firstName() + " " + d.lastName()).strip()
                + (d.birthDate() == null ? "" : ", born " + d.birthDate())).orElse("Patient (name not available)"));
    }

    /** Without a name the caller may see, the Practitioner is named by its role, never left nameless. */
    static Practitioner practitioner(UUID id, Optional<Name> name) {
        Practitioner practitioner = withId(new Practitioner(), "Practitioner", id);
        practitioner.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.SECONDARY)
                .setSystem(PRACTITIONER_ID_SYSTEM).setValue(FhirIds.of("Practitioner", id).toString()));
        HumanName humanName = name.map(n -> new HumanName().setFamily(n.family()).addGiven(n.given())
                .setText((n.given() + " " + n.family()).strip()))
                .orElseGet(() -> new HumanName().setText("Physical therapist"));
        practitioner.addName(humanName.setUse(HumanName.NameUse.USUAL));
        return narrative(practitioner, humanName.getText());
    }

    /** A therapist's role in the patient's current care team: a physical therapist (SNOMED CT 36682004). */
    static PractitionerRole practitionerRole(UUID therapistId) {
        PractitionerRole role = withId(new PractitionerRole(), "PractitionerRole", therapistId);
        role.setActive(true);
        role.setPractitioner(ref("Practitioner", therapistId));
        role.addCode(new CodeableConcept(new Coding(SNOMED, "36682004", "Physiotherapist"))
                .setText("Physical therapist"));
        return narrative(role, "Physical therapist in the patient's care team");
    }

    static CarePlan carePlan(Plan plan) {
        CarePlan carePlan = withId(new CarePlan(), "CarePlan", plan.id);
        carePlan.addIdentifier(new Identifier().setSystem(PLAN_ID_SYSTEM).setValue(plan.id.toString()));
        carePlan.addIdentifier(new Identifier().setSystem(PLAN_VERSION_SYSTEM).setValue(plan.id + "/" + plan.version));
        carePlan.setStatus(status(plan.status));
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Home program");
        carePlan.setSubject(ref("Patient", plan.patientId));
        carePlan.setAuthor(ref("Practitioner", plan.therapistId));
        carePlan.setPeriod(new Period().setStartElement(new DateTimeType(plan.startDate.toString())));
        List<String> summary = new ArrayList<>();
        summary.add("Home program from " + plan.startDate + ", " + carePlan.getStatus().getDisplay().toLowerCase());
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
            detail.addPerformer(ref("Patient", plan.patientId));
            detail.setDescription(doseText(item.dose));
            detail.setScheduled(timing(plan.startDate, item.startWeek, item.dose));
            summary.add(item.name + ": " + detail.getDescription() + " on " + item.dose.daysOfWeek().stream()
                    .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase())
                    .collect(Collectors.joining(", ")) + ", weeks " + item.startWeek + "–"
                    + (item.startWeek + item.dose.weeks() - 1)
                    + (item.status == PlanItem.Status.PAUSED ? " (paused" + (item.pausedReason == null ? ")"
                            : ": " + item.pausedReason + ")") : ""));
        }
        return narrative(carePlan, summary.toArray(String[]::new));
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

    /**
     * The dose's schedule as a machine can follow it: {@code timesPerDay} times a day on the listed days, from the
     * item's first week for its number of weeks (inclusive dates, as Schedule counts them); an exercise with a
     * duration also says how long each time lasts. Sets, reps and holds have no place in Timing: they stay in the
     * activity's description.
     */
    static Timing timing(LocalDate planStart, int startWeek, Dose dose) {
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent()
                .setFrequency(dose.timesPerDay()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
        for (DayOfWeek day : dose.daysOfWeek()) {
            repeat.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase()));
        }
        LocalDate first = planStart.plusWeeks(startWeek - 1L);
        LocalDate last = first.plusWeeks(dose.weeks()).minusDays(1);
        repeat.setBounds(new Period().setStartElement(new DateTimeType(first.toString()))
                .setEndElement(new DateTimeType(last.toString())));
        if (dose.durationSeconds() != null) {
            repeat.setDuration(dose.durationSeconds()).setDurationUnit(Timing.UnitsOfTime.S);
        }
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

    /**
     * A pain score the patient reported before or after a session, on the plan the session belongs to: final,
     * amended when the patient corrected the session, entered-in-error when they withdrew it (kept, as the record
     * keeps it, but marked as not to be relied on).
     */
    static Observation pain(SessionLog session, int score, String when) {
        Observation observation = withId(new Observation(), "Observation", session.id + "/pain-" + when);
        observation.setStatus(session.withdrawn() ? Observation.ObservationStatus.ENTEREDINERROR
                : session.correctedAt != null ? Observation.ObservationStatus.AMENDED
                : Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        observation.setCode(new CodeableConcept(new Coding(LOINC, PAIN_SEVERITY,
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported")).setText("Pain (0–10) " + when
                        + " the exercise"));
        observation.setSubject(ref("Patient", session.patientId));
        observation.addPerformer(ref("Patient", session.patientId));
        observation.addBasedOn(ref("CarePlan", session.planId));
        observation.setEffective(new DateTimeType(Date.from(session.performedAt.toInstant())));
        observation.setValue(new IntegerType(score));
        observation.addNote().setText("Pain " + when + " the exercise");
        return narrative(observation, "Pain " + when + " the exercise: " + score + "/10 (reported "
                + session.performedAt.toInstant() + ")");
    }

    /**
     * The red-flag questionnaire as HomeProgram asks it (docs/clinical-rules.md): one yes/no question per RedFlag,
     * its linkId the flag's name as the check-in API spells it. A missing answer counts as no, so none is required.
     */
    public static Questionnaire redFlagQuestionnaire() {
        Questionnaire questionnaire = withId(new Questionnaire(), "Questionnaire",
                RED_FLAG_QUESTIONNAIRE + "|" + RED_FLAG_QUESTIONNAIRE_VERSION);
        questionnaire.setUrl(RED_FLAG_QUESTIONNAIRE);
        questionnaire.setVersion(RED_FLAG_QUESTIONNAIRE_VERSION);
        questionnaire.setName("RedFlagCheckIn");
        questionnaire.setTitle("Red-flag check-in");
        questionnaire.setStatus(Enumerations.PublicationStatus.ACTIVE);
        questionnaire.setPublisher("HomeProgram");
        questionnaire.addSubjectType("Patient");
        questionnaire.setDescription("Signs that back pain needs a clinician's attention today or now; any yes "
                + "stops the home program and tells the patient whom to contact.");
        for (RedFlag flag : RedFlag.values()) {
            questionnaire.addItem().setLinkId(flag.name()).setText("Do you have " + flag.description() + "?")
                    .setType(Questionnaire.QuestionnaireItemType.BOOLEAN).setRequired(false);
        }
        return narrative(questionnaire, questionnaire.getTitle() + ": " + questionnaire.getItem().stream()
                .map(Questionnaire.QuestionnaireItemComponent::getText).collect(Collectors.joining(" ")));
    }

    /** A check-in as the patient answered it: answered questions only, in the questionnaire's order. */
    static QuestionnaireResponse checkIn(CheckIn checkIn) {
        QuestionnaireResponse response = withId(new QuestionnaireResponse(), "QuestionnaireResponse", checkIn.id);
        response.setQuestionnaire(RED_FLAG_QUESTIONNAIRE + "|" + RED_FLAG_QUESTIONNAIRE_VERSION);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(ref("Patient", checkIn.patientId));
        response.setAuthor(ref("Patient", checkIn.patientId));
        response.setSource(ref("Patient", checkIn.patientId));
        response.setAuthored(Date.from(checkIn.createdAt.toInstant()));
        for (RedFlag flag : RedFlag.values()) {
            Boolean answer = checkIn.answers.get(flag);
            if (answer != null) {
                response.addItem().setLinkId(flag.name()).setText("Do you have " + flag.description() + "?")
                        .addAnswer().setValue(new BooleanType(answer));
            }
        }
        List<String> yes = checkIn.answers.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(e -> e.getKey().description()).sorted().toList();
        return narrative(response, "Red-flag check-in of " + checkIn.createdAt.toInstant() + ": "
                + (yes.isEmpty() ? "no red flag" : "yes to " + String.join("; ", yes)));
    }
}
