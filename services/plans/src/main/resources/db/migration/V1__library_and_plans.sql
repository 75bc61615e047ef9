-- The exercise library: seeded from the clinic's home-care guide (seed/library.json), editable by therapists.
CREATE TABLE exercise (
    id                 uuid PRIMARY KEY,
    slug               varchar(100) NOT NULL UNIQUE,
    name               varchar(200) NOT NULL,
    category           varchar(40)  NOT NULL,
    summary            text         NOT NULL,
    instructions       jsonb        NOT NULL,
    cautions           jsonb        NOT NULL,
    why_safe           text         NOT NULL,
    default_dose       jsonb        NOT NULL,
    flags              jsonb        NOT NULL,
    sources            jsonb        NOT NULL,
    owner_therapist_id uuid,                 -- null: the clinic's seeded library
    content_version    integer      NOT NULL
);

CREATE TABLE template (
    id                 uuid PRIMARY KEY,
    slug               varchar(100) NOT NULL UNIQUE,
    name               varchar(200) NOT NULL,
    description        text         NOT NULL,
    condition          varchar(40)  NOT NULL,
    owner_therapist_id uuid
);

CREATE TABLE template_item (
    id          uuid PRIMARY KEY,
    template_id uuid    NOT NULL REFERENCES template (id),
    exercise_id uuid    NOT NULL REFERENCES exercise (id),
    position    integer NOT NULL,
    start_week  integer NOT NULL,
    dose        jsonb   NOT NULL
);
CREATE INDEX template_item_by_template ON template_item (template_id);

CREATE TABLE plan (
    id           uuid PRIMARY KEY,
    patient_id   uuid        NOT NULL,
    therapist_id uuid        NOT NULL,
    status       varchar(20) NOT NULL,
    version      integer     NOT NULL,
    start_date   date        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX plan_by_patient ON plan (patient_id);

CREATE TABLE plan_item (
    id            uuid PRIMARY KEY,
    plan_id       uuid         NOT NULL REFERENCES plan (id),
    exercise_id   uuid         NOT NULL REFERENCES exercise (id),
    name          varchar(200) NOT NULL,
    position      integer      NOT NULL,
    start_week    integer      NOT NULL,
    dose          jsonb        NOT NULL,
    status        varchar(20)  NOT NULL,
    paused_reason text
);
CREATE INDEX plan_item_by_plan ON plan_item (plan_id);

-- Every version of a plan as it was: an edit adds a row, nothing is overwritten.
CREATE TABLE plan_version (
    plan_id    uuid         NOT NULL REFERENCES plan (id),
    version    integer      NOT NULL,
    snapshot   jsonb        NOT NULL,
    changed_by uuid         NOT NULL,
    changed_at timestamptz  NOT NULL,
    reason     varchar(500) NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- Projections of patient-service's events: who is in whose care, and the patient's time zone.
CREATE TABLE patient_profile (
    patient_id uuid PRIMARY KEY,
    time_zone  varchar(64) NOT NULL,
    status     varchar(20) NOT NULL
);

CREATE TABLE care_team_member (
    patient_id   uuid NOT NULL,
    therapist_id uuid NOT NULL,
    PRIMARY KEY (patient_id, therapist_id)
);
CREATE INDEX care_team_member_by_therapist ON care_team_member (therapist_id);
