package care.homeprogram.patients.api;

/**
 * What setting a care team did: applied at once ({@link CareTeamView}: a therapist's change, or an admin's that adds
 * nobody) or waiting for a therapist of the team to confirm it ({@link CareTeamRequestView}: an admin adding someone).
 */
public sealed interface CareTeamOutcome permits CareTeamView, CareTeamRequestView {
}
