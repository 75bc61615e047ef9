CREATE TABLE therapist (
    id         uuid PRIMARY KEY,          -- the therapist's Keycloak sub
    username   varchar(100) NOT NULL UNIQUE,
    first_name varchar(100) NOT NULL,
    last_name  varchar(100) NOT NULL,
    email      varchar(254) NOT NULL
);

CREATE TABLE patient (
    id                 uuid PRIMARY KEY,  -- the patient's Keycloak sub
    username           varchar(100) NOT NULL UNIQUE,
    first_name         varchar(100) NOT NULL,
    last_name          varchar(100) NOT NULL,
    email              varchar(254) NOT NULL,
    phone              varchar(40),
    birth_date         date,
    time_zone          varchar(64)  NOT NULL,
    preferred_language varchar(16)  NOT NULL DEFAULT 'en',
    quiet_start        varchar(5)   NOT NULL DEFAULT '21:00',
    quiet_end          varchar(5)   NOT NULL DEFAULT '08:00',
    email_enabled      boolean      NOT NULL DEFAULT true,
    in_app_enabled     boolean      NOT NULL DEFAULT true,
    status             varchar(20)  NOT NULL DEFAULT 'ACTIVE',
    created_at         timestamptz  NOT NULL
);

-- A patient can be in the care of several therapists; a therapist sees only patients listed here.
CREATE TABLE care_team (
    patient_id   uuid NOT NULL REFERENCES patient (id),
    therapist_id uuid NOT NULL REFERENCES therapist (id),
    PRIMARY KEY (patient_id, therapist_id)
);
CREATE INDEX care_team_by_therapist ON care_team (therapist_id);
