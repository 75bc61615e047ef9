-- Issue #13, items 3 and 4: a therapist archives their own library entries (plans and templates holding one keep it),
-- leaves a note to the patient on a plan item, and dismisses a progression suggestion with who and why, on record
-- in plan-service instead of a browser cookie.
ALTER TABLE exercise ADD COLUMN archived_at timestamptz;
ALTER TABLE exercise ADD COLUMN archived_by uuid;

ALTER TABLE plan_item ADD COLUMN note_to_patient varchar(500);

CREATE TABLE progression_dismissal (
    plan_id      uuid         NOT NULL REFERENCES plan (id),
    week         integer      NOT NULL,
    dismissed_by uuid         NOT NULL,
    dismissed_at timestamptz  NOT NULL,
    reason       varchar(500) NOT NULL,
    PRIMARY KEY (plan_id, week)
);
