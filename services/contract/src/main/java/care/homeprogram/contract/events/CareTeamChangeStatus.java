package care.homeprogram.contract.events;

/** An admin's care-team change: done (APPLIED) or waiting for a therapist of the team to confirm it (PENDING). */
public enum CareTeamChangeStatus {
    PENDING, APPLIED
}
