-- An admin's care-team change that would give a therapist access to a patient's clinical data waits here until a
-- therapist already in the care team (or, for a patient without one, the patient) confirms it (docs/security.md,
-- "Admin and clinical access"). The rows stay after the decision: who asked, who decided, when.
CREATE TABLE care_team_request (
    id           uuid PRIMARY KEY,
    patient_id   uuid        NOT NULL REFERENCES patient (id),
    requested_by uuid        NOT NULL,
    requested_at timestamptz NOT NULL,
    status       varchar(20) NOT NULL,
    decided_by   uuid,
    decided_at   timestamptz
);
CREATE INDEX care_team_request_by_patient ON care_team_request (patient_id, status);

-- The whole team the admin asked for (applied as is on confirmation).
CREATE TABLE care_team_request_therapist (
    request_id   uuid NOT NULL REFERENCES care_team_request (id),
    therapist_id uuid NOT NULL,
    PRIMARY KEY (request_id, therapist_id)
);
