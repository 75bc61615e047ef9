-- Remote therapeutic monitoring (docs/rtm.md): the patient's consent and the setup/education event (once each per
-- patient), therapists' running timers, and the treatment-management time they record. Nothing here is a claim:
-- the month summaries and ledgers are computed from these rows and the session logs when asked.
CREATE TABLE rtm_enrolment (
    patient_id          uuid PRIMARY KEY,
    consent_method      varchar(20)  NOT NULL CHECK (consent_method IN ('VERBAL', 'WRITTEN', 'ELECTRONIC')),
    consent_note        varchar(500),
    consent_recorded_by uuid         NOT NULL,
    consent_recorded_at timestamptz  NOT NULL,
    setup_note          varchar(500),
    setup_recorded_by   uuid,
    setup_recorded_at   timestamptz,
    CHECK ((setup_recorded_by IS NULL) = (setup_recorded_at IS NULL))
);

-- At most one running timer per therapist and patient; stopping it deletes the row and records a time entry.
CREATE TABLE rtm_timer (
    patient_id   uuid        NOT NULL,
    therapist_id uuid        NOT NULL,
    started_at   timestamptz NOT NULL,
    PRIMARY KEY (patient_id, therapist_id)
);

-- Treatment-management time: from a timer (started_at/stopped_at kept) or entered by hand (a note is required).
CREATE TABLE rtm_time_entry (
    id          uuid PRIMARY KEY,
    patient_id  uuid         NOT NULL,
    day         date         NOT NULL,
    seconds     integer      NOT NULL CHECK (seconds BETWEEN 0 AND 14400),
    interactive boolean      NOT NULL,
    note        varchar(500),
    source      varchar(10)  NOT NULL CHECK (source IN ('TIMER', 'MANUAL')),
    started_at  timestamptz,
    stopped_at  timestamptz,
    recorded_by uuid         NOT NULL,
    recorded_at timestamptz  NOT NULL,
    CHECK (source = 'TIMER' OR note IS NOT NULL)
);
CREATE INDEX rtm_time_entry_by_patient ON rtm_time_entry (patient_id, day);

-- Data days are counted per patient over 30-day periods; session logs were only indexed by plan.
CREATE INDEX session_log_by_patient ON session_log (patient_id, performed_at);
