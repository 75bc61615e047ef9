-- Safety: per-plan thresholds and baseline, intake sign-off, per-item confirmations and the amber follow-up.
ALTER TABLE plan ADD COLUMN baseline_pain integer;
ALTER TABLE plan ADD COLUMN safety_thresholds jsonb;
ALTER TABLE plan ADD COLUMN intake_signed_off_by uuid;
ALTER TABLE plan ADD COLUMN intake_signed_off_at timestamptz;

ALTER TABLE plan_item ADD COLUMN cold_reason varchar(40);
ALTER TABLE plan_item ADD COLUMN therapist_confirmed boolean NOT NULL DEFAULT false;
ALTER TABLE plan_item ADD COLUMN amber_follow_up_pending boolean NOT NULL DEFAULT false;

ALTER TABLE patient_profile ADD COLUMN intake_flags jsonb NOT NULL DEFAULT '[]';
ALTER TABLE patient_profile ADD COLUMN requires_sign_off boolean NOT NULL DEFAULT false;

CREATE TABLE session_log (
    id                 uuid PRIMARY KEY,
    plan_id            uuid        NOT NULL REFERENCES plan (id),
    item_id            uuid        NOT NULL REFERENCES plan_item (id),
    patient_id         uuid        NOT NULL,
    performed_at       timestamptz NOT NULL,
    sets_done          integer,
    reps_done          integer,
    pain_before        integer     NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after         integer     NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    symptoms           jsonb       NOT NULL,
    note               text,
    settled_since_last boolean,
    decision           varchar(20) NOT NULL,
    traffic_light      varchar(10) NOT NULL,
    reasons            jsonb       NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX session_log_by_plan ON session_log (plan_id, performed_at);

CREATE TABLE check_in (
    id         uuid PRIMARY KEY,
    patient_id uuid        NOT NULL,
    answers    jsonb       NOT NULL,
    decision   varchar(20) NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX check_in_by_patient ON check_in (patient_id, created_at);

CREATE TABLE alert (
    id              uuid PRIMARY KEY,
    patient_id      uuid         NOT NULL,
    plan_id         uuid,
    item_id         uuid,
    severity        varchar(10)  NOT NULL,
    reason_code     varchar(40)  NOT NULL,
    reason          varchar(500) NOT NULL,
    status          varchar(20)  NOT NULL,
    acknowledged_by uuid,
    acknowledged_at timestamptz,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX alert_by_patient ON alert (patient_id, status, created_at);
