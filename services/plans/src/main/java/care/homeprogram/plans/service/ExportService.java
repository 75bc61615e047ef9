package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.client.PatientsClient;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.fhir.FhirExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/** Exports of a patient's record, to the patient themself or a therapist in their care. */
@ApplicationScoped
public class ExportService {
    private final PatientsClient patients;

    public ExportService(PatientsClient patients) {
        this.patients = patients;
    }

    @Transactional
    public Bundle fhirBundle(CurrentUser caller, UUID patientId, String bearerToken) {
        boolean allowed = (caller.isPatient() && caller.id().equals(patientId))
                || (caller.isTherapist() && CareTeamMember.inCare(patientId, caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Patient " + patientId);
        }
        // The patient's own copy never holds a draft: it stays with the therapist until it is assigned.
        List<Plan> plans = Plan.ofPatient(patientId).stream()
                .filter(p -> !caller.isPatient() || p.status != Plan.Status.DRAFT).toList();
        List<SessionLog> sessions = SessionLog.list("patientId = ?1 order by performedAt", patientId);
        PatientsClient.Lookup lookup = patients.details(patientId, bearerToken);
        return FhirExport.bundle(patientId, lookup.details(), lookup.available(), plans, sessions);
    }
}
