-- notification-service's own copy of each patient's care team, projected from patient-events: adherence notices,
-- the adherence list and escalations follow the current team, never the therapist who once wrote the plan.
CREATE TABLE care_team_member (
    patient_id   uuid NOT NULL,
    therapist_id uuid NOT NULL,
    PRIMARY KEY (patient_id, therapist_id)
);
CREATE INDEX care_team_member_therapist ON care_team_member (therapist_id);
