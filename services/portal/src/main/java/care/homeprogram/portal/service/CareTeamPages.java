package care.homeprogram.portal.service;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.Account;
import care.homeprogram.portal.client.CareTeam;
import care.homeprogram.portal.client.CareTeamRequest;
import care.homeprogram.portal.client.CareTeamRequestToDecide;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Therapist;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the care-team pages show: for an admin, a patient's team with names, the changes waiting and whose
 * confirmation each waits for; for a therapist, the admins' requests about their patients, worded as what would
 * change. patient-service decides who may see and do what; this only reads and words it.
 */
@ApplicationScoped
public class CareTeamPages {
    private final PatientsClient patients;

    public CareTeamPages(PatientsClient patients) {
        this.patients = patients;
    }

    /** A therapist in a team, named. */
    public record Member(UUID id, String name) {
    }

    /** A pending change as the admin sees it: the team asked for and who must confirm. */
    public record Waiting(UUID id, List<Member> requestedTeam, String waitingFor, OffsetDateTime requestedAt) {
    }

    /** The admin's page of one patient's care team, with the therapists found by the search ({@code query}). */
    public record AdminView(Account patient, List<Member> team, List<Waiting> waiting, String query,
            List<Member> found, long foundTotal) {
        public boolean searched() {
            return !query.isEmpty();
        }

        public boolean inTeam(UUID therapistId) {
            return team.stream().anyMatch(m -> m.id().equals(therapistId));
        }
    }

    /** The confirmation step: the team now, the team after, and what will happen. */
    public record Change(Account patient, List<Member> before, List<Member> after, Member adding, Member removing,
            boolean needsConfirmation, String confirmer) {
    }

    /** One request on the therapist's page. */
    public record ToDecide(CareTeamRequestToDecide request, List<Member> current, List<Member> requested,
            List<Member> joining, List<Member> leaving, boolean youLeave) {
    }

    public AdminView admin(UUID patientId, String query) {
        Account patient = patients.account(patientId);
        if (!"patient".equals(patient.role())) {
            throw new care.homeprogram.portal.client.ServiceProblem(404, "not-found", "No such patient", null);
        }
        CareTeam team = patients.careTeam(patientId);
        TherapistNames names = new TherapistNames(patients);
        List<Member> members = members(team.therapistIds(), names);
        List<Waiting> waiting = new ArrayList<>();
        for (CareTeamRequest request : patients.careTeamRequests(patientId)) {
            waiting.add(new Waiting(request.id(), members(request.therapistIds(), names),
                    confirmer(members), request.requestedAt()));
        }
        String q = query == null ? "" : query.strip();
        List<Member> found = List.of();
        long total = 0;
        if (!q.isEmpty()) {
            Page<Therapist> page = patients.searchTherapists(q, 0, 10);
            found = page.items().stream().filter(t -> "ACTIVE".equals(t.status()))
                    .map(t -> new Member(t.id(), t.fullName())).toList();
            total = page.total();
        }
        return new AdminView(patient, members, waiting, q, found, total);
    }

    /**
     * What adding {@code add} and/or removing {@code remove} would do. An admin's change that adds someone to a team
     * that has members waits for one of them (patient-service also asks when the team is empty but the patient was
     * screened: then it waits for the patient, which the service's answer shows).
     */
    public Change change(UUID patientId, UUID add, UUID remove) {
        Account patient = patients.account(patientId);
        TherapistNames names = new TherapistNames(patients);
        List<Member> before = members(patients.careTeam(patientId).therapistIds(), names);
        Set<UUID> after = new LinkedHashSet<>(before.stream().map(Member::id).toList());
        if (remove != null) {
            after.remove(remove);
        }
        if (add != null) {
            after.add(add);
        }
        boolean adds = add != null && before.stream().noneMatch(m -> m.id().equals(add));
        return new Change(patient, before, members(after, names), add == null ? null : member(add, names),
                remove == null ? null : member(remove, names), adds && !before.isEmpty(), confirmer(before));
    }

    public List<ToDecide> toDecide(UUID therapistId) {
        TherapistNames names = new TherapistNames(patients);
        List<ToDecide> shown = new ArrayList<>();
        for (CareTeamRequestToDecide request : patients.careTeamRequestsToDecide()) {
            List<Member> current = members(request.currentTherapistIds(), names);
            List<Member> requested = members(request.therapistIds(), names);
            shown.add(new ToDecide(request, current, requested,
                    requested.stream().filter(m -> !request.currentTherapistIds().contains(m.id())).toList(),
                    current.stream().filter(m -> !request.therapistIds().contains(m.id())).toList(),
                    !request.therapistIds().contains(therapistId)));
        }
        return shown;
    }

    private static List<Member> members(java.util.Collection<UUID> ids, TherapistNames names) {
        return ids.stream().map(id -> member(id, names)).toList();
    }

    private static Member member(UUID id, TherapistNames names) {
        return new Member(id, names.of(id));
    }

    /** Whose confirmation a change waits for: any therapist of the team now, or the patient when it has none. */
    private static String confirmer(List<Member> team) {
        if (team.isEmpty()) {
            return "the patient";
        }
        List<String> names = team.stream().map(Member::name).toList();
        return names.size() == 1 ? names.get(0) : "one of " + TherapistNames.join(names);
    }
}
