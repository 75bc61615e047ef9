package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.client.PatientsClient;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.CheckIn;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.fhir.FhirExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;

/** Exports of a patient's record, to the patient themself or a therapist in their care. */
@ApplicationScoped
public class ExportService {
    private final PatientsClient patients;
    private final Clock clock;

    /** Whose records the caller may export (field-injected: the constructor stays as it is). */
    @Inject
    PlanAccess access;

    /** The patient's outcome measures as FHIR (field-injected like {@code access}). */
    @Inject
    OutcomeService outcomes;

    public ExportService(PatientsClient patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * The patient's FHIR record. plan-service keeps no therapist names, so a therapist calling names themself (from
     * their token, {@code callerName}); the other therapists are named by their role.
     */
    @Transactional
    public Bundle fhirBundle(CurrentUser caller, UUID patientId, String bearerToken,
            Optional<FhirExport.Name> callerName) {
        // The patient's own copy never holds a draft: it stays with the therapist until it is assigned.
        List<Plan> plans = access.plansOf(caller, patientId);
        List<SessionLog> sessions = SessionLog.list("patientId = ?1 order by performedAt", patientId);
        List<CheckIn> checkIns = CheckIn.list("patientId = ?1 order by createdAt", patientId);
        List<UUID> careTeam = CareTeamMember.<CareTeamMember>list("key.patientId = ?1 order by key.therapistId",
                patientId).stream().map(m -> m.key.therapistId()).toList();
        Map<UUID, FhirExport.Name> names = caller.isTherapist() && callerName.isPresent()
                ? Map.of(caller.id(), callerName.get()) : Map.of();
        PatientsClient.Lookup lookup = patients.details(patientId, bearerToken);
        return FhirExport.bundle(new FhirExport.Record(patientId, lookup.details(), lookup.available(), plans,
                sessions, checkIns, careTeam, names, clock.instant(),
                outcomes.fhirResources(patientId, plans.stream().map(p -> p.id).collect(Collectors.toSet()))));
    }
}
