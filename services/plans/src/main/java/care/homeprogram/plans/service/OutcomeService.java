package care.homeprogram.plans.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Language;
import care.homeprogram.plans.api.AttachMeasureRequest;
import care.homeprogram.plans.api.DueMeasureView;
import care.homeprogram.plans.api.EnableInstrumentRequest;
import care.homeprogram.plans.api.ImportInstrumentRequest;
import care.homeprogram.plans.api.InstrumentTermsView;
import care.homeprogram.plans.api.InstrumentView;
import care.homeprogram.plans.api.MeasureResultView;
import care.homeprogram.plans.api.MeasureScheduleView;
import care.homeprogram.plans.api.ScoreHistoryView;
import care.homeprogram.plans.api.SubmitAnswersRequest;
import care.homeprogram.plans.domain.InstrumentImport;
import care.homeprogram.plans.domain.InstrumentLicence;
import care.homeprogram.plans.domain.MeasureResponse;
import care.homeprogram.plans.domain.MeasureSchedule;
import care.homeprogram.plans.domain.MeasureScore;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.fhir.OutcomeFhir;
import care.homeprogram.plans.outcomes.AnswerCheck;
import care.homeprogram.plans.outcomes.Instrument;
import care.homeprogram.plans.outcomes.MeasureInputException;
import care.homeprogram.plans.outcomes.MeasureOccasions;
import care.homeprogram.plans.outcomes.QuestionnaireLanguage;
import care.homeprogram.plans.outcomes.ScoringRules;
import care.homeprogram.plans.outcomes.Scorer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

/**
 * Outcome measures: the instruments (admins enable and import them), the measures therapists attach to plans, the
 * answers patients give (checked against the Questionnaire, scored by the instrument's rules, kept as FHIR), and the
 * scores over time. Whose data: {@link PlanAccess}; an admin sees instruments, never a patient's answers.
 */
@ApplicationScoped
public class OutcomeService {
    private static final Logger LOG = Logger.getLogger(OutcomeService.class);
    /** A Questionnaire larger than this is not one a patient could be asked to fill in. */
    static final int MAX_QUESTIONNAIRE_CHARS = 100_000;
    static final int MAX_QUESTIONNAIRE_ITEMS = 300;

    private final InstrumentCatalog catalog;
    private final PlanAccess access;
    private final FhirContext fhir;
    private final Clock clock;
    private final PlanSchedule days;

    public OutcomeService(InstrumentCatalog catalog, PlanAccess access, FhirContext fhir, Clock clock,
            PlanSchedule days) {
        this.catalog = catalog;
        this.access = access;
        this.fhir = fhir;
        this.clock = clock;
        this.days = days;
    }

    // --- instruments ---

    /** Admins see every instrument; therapists and patients the enabled ones. */
    @Transactional
    public List<InstrumentView> instruments(CurrentUser caller, Language language) {
        return catalog.all().stream().filter(i -> caller.isAdmin() || i.enabled()).map(i -> view(i, false, language))
                .toList();
    }

    /** One instrument with its Questionnaire in {@code language} where it is translated (QuestionnaireLanguage). */
    @Transactional
    public InstrumentView instrument(CurrentUser caller, String key, Language language) {
        return catalog.find(key).filter(i -> caller.isAdmin() || i.enabled()).map(i -> view(i, true, language))
                .orElseThrow(() -> ProblemException.notFound("Instrument " + abbreviate(key)));
    }

    @Transactional
    public InstrumentTermsView terms(String key) {
        Instrument instrument = withTerms(key);
        Optional<InstrumentLicence> licence = catalog.licence(key);
        return new InstrumentTermsView(key, instrument.rules().termsVersion(), InstrumentCatalog.terms(key),
                licence.isPresent(), licence.map(l -> l.acceptedBy).orElse(null),
                licence.map(l -> l.acceptedAt).orElse(null));
    }

    /** Records the admin's acceptance of the terms version they were shown; accepting again changes nothing. */
    @Transactional
    public InstrumentTermsView enable(CurrentUser caller, String key, EnableInstrumentRequest request) {
        Instrument instrument = withTerms(key);
        if (!Boolean.TRUE.equals(request.acceptTerms())) {
            throw ProblemException.invalidField("acceptTerms", "must be true: the instrument is enabled only by "
                    + "accepting its terms");
        }
        if (!request.termsVersion().equals(instrument.rules().termsVersion())) {
            throw ProblemException.invalidField("termsVersion", "must be the version shown ("
                    + instrument.rules().termsVersion() + ")");
        }
        if (catalog.licence(key).isEmpty()) {
            InstrumentLicence licence = new InstrumentLicence();
            licence.key = key;
            licence.termsVersion = request.termsVersion();
            licence.acceptedBy = caller.id();
            licence.acceptedAt = OffsetDateTime.now(clock);
            licence.persist();
            LOG.infof("instrument %s enabled: terms %s accepted by %s", key, licence.termsVersion, caller.id());
        }
        return terms(key);
    }

    private Instrument withTerms(String key) {
        return catalog.find(key).filter(i -> i.rules().licence() == ScoringRules.Licence.TERMS)
                .orElseThrow(() -> ProblemException.notFound("Instrument terms of " + abbreviate(key)));
    }

    /** An admin imports a Questionnaire the clinic is licensed to use, with the rules that score it. */
    @Transactional
    public InstrumentView importInstrument(CurrentUser caller, ImportInstrumentRequest request) {
        if (InstrumentCatalog.SHIPPED.contains(request.key()) || InstrumentImport.findById(request.key()) != null) {
            throw ProblemException.conflict("instrument-exists", "An instrument " + request.key() + " exists");
        }
        if (!request.questionnaire().isObject()) {
            throw ProblemException.invalidField("questionnaire", "must be a FHIR R4 Questionnaire (JSON object)");
        }
        String questionnaireJson = request.questionnaire().toString();
        if (questionnaireJson.length() > MAX_QUESTIONNAIRE_CHARS) {
            throw ProblemException.invalidField("questionnaire", "must be at most " + MAX_QUESTIONNAIRE_CHARS
                    + " characters");
        }
        Questionnaire questionnaire;
        try {
            questionnaire = fhir.newJsonParser().parseResource(Questionnaire.class, questionnaireJson);
        } catch (DataFormatException | ClassCastException e) {
            throw ProblemException.invalidField("questionnaire", "is not a FHIR R4 Questionnaire: "
                    + abbreviate(String.valueOf(e.getMessage())));
        }
        if (AnswerCheck.byLinkId(questionnaire).size() > MAX_QUESTIONNAIRE_ITEMS) {
            throw ProblemException.invalidField("questionnaire.item", "must have at most " + MAX_QUESTIONNAIRE_ITEMS
                    + " items");
        }
        ScoringRules rules = rules(request.scoring());
        try {
            Instrument.requireScorable(questionnaire, rules, "questionnaire");
        } catch (MeasureInputException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        String canonical = new Instrument(request.key(), questionnaire, rules, false, true).canonical();
        if (catalog.all().stream().anyMatch(i -> i.canonical().equals(canonical))) {
            throw ProblemException.conflict("instrument-exists", "A Questionnaire " + canonical + " exists");
        }
        InstrumentImport row = new InstrumentImport();
        row.key = request.key();
        row.questionnaire = fhir.newJsonParser().encodeResourceToString(questionnaire);
        try {
            row.scoring = InstrumentCatalog.JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.importedBy = caller.id();
        row.importedAt = OffsetDateTime.now(clock);
        row.persist();
        // The admin's answer, in the words the Questionnaire was written in (admins' pages are English).
        return view(catalog.find(row.key).orElseThrow(), false, Language.EN);
    }

    private static ScoringRules rules(JsonNode scoring) {
        if (scoring.isTextual()) {
            if (!InstrumentCatalog.RULES_ONLY.contains(scoring.asText())) {
                throw ProblemException.invalidField("scoring", "must be one of " + InstrumentCatalog.RULES_ONLY
                        + " or a scoring-rules document");
            }
            return InstrumentCatalog.shippedRules(scoring.asText());
        }
        if (!scoring.isObject() || scoring.toString().length() > MAX_QUESTIONNAIRE_CHARS) {
            throw ProblemException.invalidField("scoring", "must be a shipped rules name or a scoring-rules document");
        }
        try {
            ScoringRules rules = InstrumentCatalog.JSON.treeToValue(scoring, ScoringRules.class);
            if (rules.title() == null || rules.title().isBlank() || rules.title().length() > 200) {
                throw ProblemException.invalidField("scoring.title", "is required (at most 200 characters)");
            }
            requireKnownTranslations(rules);
            return new ScoringRules(rules.instrument(), rules.title(), ScoringRules.Licence.BRING_YOUR_OWN, null,
                    rules.sources(), rules.requiredItems(), rules.answerValues(), rules.scores());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalidField("scoring", "is not a scoring-rules document");
        }
    }

    /**
     * A score's title translations in an imported rules document: each into a language we answer in ({@code es},
     * {@code de}, {@code en} or a regional tag of one), non-blank, at most 200 characters, as its title.
     */
    private static void requireKnownTranslations(ScoringRules rules) {
        for (ScoringRules.ScoreRule score : rules.scores() == null ? List.<ScoringRules.ScoreRule>of()
                : rules.scores()) {
            if (score.titleTranslations() == null) {
                continue;
            }
            for (Map.Entry<String, String> translation : score.titleTranslations().entrySet()) {
                if (Language.ofTag(translation.getKey()).isEmpty() || translation.getValue() == null
                        || translation.getValue().isBlank() || translation.getValue().length() > 200) {
                    throw ProblemException.invalidField("scoring.scores." + score.id() + ".titleTranslations",
                            "must map en, es or de to a title of at most 200 characters");
                }
            }
        }
    }

    private InstrumentView view(Instrument instrument, boolean withQuestionnaire, Language language) {
        ScoringRules rules = instrument.rules();
        JsonNode questionnaire = null;
        if (withQuestionnaire) {
            try {
                questionnaire = InstrumentCatalog.JSON.readTree(fhir.newJsonParser()
                        .encodeResourceToString(QuestionnaireLanguage.in(instrument.questionnaire(), language)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new InstrumentView(instrument.key(), instrument.title(language), rules.licence().name(),
                instrument.shipped(),
                instrument.enabled(), rules.termsVersion(), instrument.canonical(),
                rules.scores().stream().map(s -> new InstrumentView.ScoreInfo(s.id(), s.title(language), s.min(),
                        s.max(), s.unit(), s.minimalDetectableChange(), s.minimalImportantChange(), s.changeSource()))
                        .toList(),
                rules.sources(), questionnaire);
    }

    // --- schedules ---

    @Transactional
    public MeasureScheduleView attach(CurrentUser therapist, UUID planId, AttachMeasureRequest request) {
        Plan plan = access.planToChange(therapist, planId);
        if (Plan.FINISHED.contains(plan.status)) {
            throw ProblemException.conflict("plan-finished", "This plan is " + plan.status
                    + ": measures are attached to plans still running");
        }
        Instrument instrument = catalog.find(request.instrument())
                .orElseThrow(() -> ProblemException.invalidField("instrument", "is not an instrument"));
        if (!instrument.enabled()) {
            throw ProblemException.conflict("instrument-disabled", instrument.title()
                    + " is not enabled: an admin enables it by accepting its terms");
        }
        boolean atIntake = Boolean.TRUE.equals(request.atIntake());
        boolean atDischarge = Boolean.TRUE.equals(request.atDischarge());
        if (!atIntake && !atDischarge && request.everyWeeks() == null) {
            throw ProblemException.invalidField("atIntake", "say when: atIntake, everyWeeks and/or atDischarge");
        }
        if (MeasureSchedule.count("planId = ?1 and instrument = ?2", planId, instrument.key()) > 0) {
            throw ProblemException.conflict("measure-attached", instrument.title() + " is already attached to "
                    + "this plan");
        }
        MeasureSchedule schedule = new MeasureSchedule();
        schedule.id = UUID.randomUUID();
        schedule.planId = plan.id;
        schedule.patientId = plan.patientId;
        schedule.instrument = instrument.key();
        schedule.atIntake = atIntake;
        schedule.everyWeeks = request.everyWeeks();
        schedule.atDischarge = atDischarge;
        schedule.createdBy = therapist.id();
        schedule.createdAt = OffsetDateTime.now(clock);
        schedule.persist();
        return view(schedule, instrument.title());
    }

    @Transactional
    public List<MeasureScheduleView> schedules(CurrentUser caller, UUID planId) {
        Plan plan = access.plan(caller, planId);
        return MeasureSchedule.ofPlan(plan.id).stream()
                .map(s -> view(s, catalog.find(s.instrument).map(Instrument::title).orElse(s.instrument))).toList();
    }

    private static MeasureScheduleView view(MeasureSchedule s, String title) {
        return new MeasureScheduleView(s.id, s.planId, s.instrument, title, s.atIntake, s.everyWeeks, s.atDischarge,
                s.createdAt);
    }

    /** The measures the patient is asked to answer now, across their plans. */
    @Transactional
    public List<DueMeasureView> due(CurrentUser patient, Language language) {
        access.requirePatient(patient, patient.id());
        // The patient's own day, as a plan's start date and weeks are counted.
        LocalDate today = days.localDate(patient.id());
        List<DueMeasureView> due = new ArrayList<>();
        Map<UUID, Plan> plans = new HashMap<>();
        for (MeasureSchedule schedule : MeasureSchedule.ofPatient(patient.id())) {
            Plan plan = plans.computeIfAbsent(schedule.planId, id -> Plan.<Plan>findById(id));
            if (plan == null || !access.seesDraft(patient, plan.status)) {
                continue;
            }
            Optional<Instrument> instrument = catalog.find(schedule.instrument).filter(Instrument::enabled);
            if (instrument.isEmpty()) {
                continue;
            }
            occasion(schedule, plan, today).ifPresent(o -> due.add(new DueMeasureView(schedule.id, plan.id,
                    schedule.instrument, instrument.get().title(language), o.name(), o.dueFrom())));
        }
        return due;
    }

    /**
     * The occasion of this measure due on the patient's day {@code today}, if any: the one rule the patient's list,
     * the answer check and the reminder ({@link MeasureDueAnnouncer}) share.
     */
    static Optional<MeasureOccasions.Occasion> occasion(MeasureSchedule schedule, Plan plan, LocalDate today) {
        Set<String> done = MeasureResponse.<MeasureResponse>list("scheduleId", schedule.id).stream()
                .map(r -> r.occasion).collect(Collectors.toSet());
        return MeasureOccasions.due(plan.startDate, plan.status == Plan.Status.ACTIVE,
                plan.status == Plan.Status.COMPLETED, schedule.atIntake, schedule.everyWeeks, schedule.atDischarge,
                today, done);
    }

    // --- answers and scores ---

    @Transactional
    public MeasureResultView submit(CurrentUser patient, UUID scheduleId, SubmitAnswersRequest request,
            Language language) {
        MeasureSchedule schedule = MeasureSchedule.<MeasureSchedule>findByIdOptional(scheduleId)
                .orElseThrow(() -> ProblemException.notFound("Measure " + scheduleId));
        Plan plan;
        try {
            plan = access.planToChange(patient, schedule.planId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Measure " + scheduleId);
        }
        Instrument instrument = catalog.find(schedule.instrument).filter(Instrument::enabled)
                .orElseThrow(() -> ProblemException.conflict("instrument-disabled", "This measure is not enabled"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        MeasureOccasions.Occasion occasion = occasion(schedule, plan, days.localDate(plan.patientId))
                .orElseThrow(() -> ProblemException.conflict("measure-not-due", instrument.title()
                        + " is not due now"));
        AnswerCheck.Checked checked;
        List<Scorer.Score> scores;
        try {
            checked = AnswerCheck.check(instrument.questionnaire(), instrument.rules(), request.answers());
            scores = Scorer.score(instrument.rules(), checked.values());
        } catch (MeasureInputException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }

        MeasureResponse response = new MeasureResponse();
        response.id = UUID.randomUUID();
        response.scheduleId = schedule.id;
        response.planId = plan.id;
        response.patientId = plan.patientId;
        response.instrument = instrument.key();
        response.occasion = occasion.name();
        response.answeredAt = now;
        QuestionnaireResponse fhirResponse = AnswerCheck.into(OutcomeFhir.response(response.id, plan.patientId,
                plan.id, instrument, now), checked);
        response.response = fhir.newJsonParser().encodeResourceToString(OutcomeFhir.withNarrative(fhirResponse,
                instrument));
        response.persist();
        Map<String, ScoringRules.ScoreRule> rules = rulesById(instrument.rules());
        List<MeasureResultView.ScoreValue> values = new ArrayList<>();
        for (Scorer.Score score : scores) {
            ScoringRules.ScoreRule rule = rules.get(score.id());
            MeasureScore row = new MeasureScore();
            row.key = new MeasureScore.Key(response.id, score.id());
            row.value = score.value();
            row.band = score.band();
            row.observation = fhir.newJsonParser().encodeResourceToString(OutcomeFhir.score(response.id,
                    plan.patientId, plan.id, instrument, rule, score, now));
            row.persist();
            values.add(new MeasureResultView.ScoreValue(score.id(), rule.title(language), score.value(), null, null));
        }
        return new MeasureResultView(response.id, schedule.id, instrument.key(), occasion.name(), now, values);
    }

    @Transactional
    public ScoreHistoryView history(CurrentUser caller, UUID patientId, Language language) {
        access.requirePatient(caller, patientId);
        List<MeasureResponse> responses = MeasureResponse.ofPatient(patientId);
        Map<UUID, List<MeasureScore>> scores = MeasureScore.ofResponses(responses.stream().map(r -> r.id).toList())
                .stream().collect(Collectors.groupingBy(s -> s.key.responseId()));
        Map<String, List<MeasureResponse>> byInstrument = responses.stream()
                .collect(Collectors.groupingBy(r -> r.instrument, LinkedHashMap::new, Collectors.toList()));
        List<ScoreHistoryView.InstrumentScores> instruments = new ArrayList<>();
        for (Map.Entry<String, List<MeasureResponse>> entry : byInstrument.entrySet()) {
            Optional<Instrument> instrument = catalog.find(entry.getKey());
            List<ScoringRules.ScoreRule> rules = instrument.map(i -> i.rules().scores()).orElse(List.of());
            List<ScoreHistoryView.ScoreSeries> series = new ArrayList<>();
            for (ScoringRules.ScoreRule rule : rules) {
                List<ScoreHistoryView.Point> points = new ArrayList<>();
                for (MeasureResponse r : entry.getValue()) {
                    scores.getOrDefault(r.id, List.of()).stream().filter(s -> s.key.score().equals(rule.id()))
                            .findFirst().ifPresent(s -> points.add(new ScoreHistoryView.Point(r.id, r.planId,
                                    r.occasion, r.answeredAt, s.value.stripTrailingZeros(),
                                    caller.isTherapist() ? s.band : null)));
                }
                if (points.isEmpty()) {
                    continue;
                }
                series.add(series(caller, rule, points, scores, entry.getValue(), language));
            }
            instruments.add(new ScoreHistoryView.InstrumentScores(entry.getKey(),
                    instrument.map(i -> i.title(language)).orElse(entry.getKey()), series));
        }
        return new ScoreHistoryView(patientId, instruments);
    }

    private static ScoreHistoryView.ScoreSeries series(CurrentUser caller, ScoringRules.ScoreRule rule,
            List<ScoreHistoryView.Point> points, Map<UUID, List<MeasureScore>> scores,
            List<MeasureResponse> responses, Language language) {
        BigDecimal change = points.size() < 2 ? null
                : points.getLast().value().subtract(points.getFirst().value());
        Boolean reaches = change == null || rule.threshold() == null ? null
                : change.abs().doubleValue() >= rule.threshold();
        String latestBand = null;
        String note = null;
        String noteSource = null;
        if (caller.isTherapist() && rule.bands() != null) {
            MeasureResponse latest = responses.getLast();
            latestBand = scores.getOrDefault(latest.id, List.of()).stream()
                    .filter(s -> s.key.score().equals(rule.id())).map(s -> s.band).findFirst()
                    .orElse(points.getLast().band());
            if (latestBand != null && rule.bandNotes() != null) {
                note = rule.bandNotes().get(latestBand);
                noteSource = rule.bandSource();
            }
        }
        return new ScoreHistoryView.ScoreSeries(rule.id(), rule.title(language), rule.unit(),
                rule.minimalDetectableChange(), rule.minimalImportantChange(), rule.changeSource(), points, change,
                reaches, latestBand, note, noteSource);
    }

    /** The patient's measures as FHIR, for the export: each instrument's Questionnaire once, responses, scores. */
    @Transactional
    public List<Resource> fhirResources(UUID patientId, Set<UUID> visiblePlans) {
        List<MeasureResponse> responses = MeasureResponse.ofPatient(patientId).stream()
                .filter(r -> visiblePlans.contains(r.planId)).toList();
        List<Resource> resources = new ArrayList<>();
        responses.stream().map(r -> r.instrument).distinct()
                .forEach(key -> catalog.find(key).ifPresent(i -> resources.add(OutcomeFhir.questionnaire(i))));
        Map<UUID, List<MeasureScore>> scores = MeasureScore.ofResponses(responses.stream().map(r -> r.id).toList())
                .stream().collect(Collectors.groupingBy(s -> s.key.responseId()));
        for (MeasureResponse r : responses) {
            resources.add(fhir.newJsonParser().parseResource(QuestionnaireResponse.class, r.response));
            scores.getOrDefault(r.id, List.of()).stream().sorted((a, b) -> a.key.score().compareTo(b.key.score()))
                    .forEach(s -> resources.add(fhir.newJsonParser().parseResource(Observation.class,
                            s.observation)));
        }
        return resources;
    }

    private static Map<String, ScoringRules.ScoreRule> rulesById(ScoringRules rules) {
        Map<String, ScoringRules.ScoreRule> byId = new LinkedHashMap<>();
        rules.scores().forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
