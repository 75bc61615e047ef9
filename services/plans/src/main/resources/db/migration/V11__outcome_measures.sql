-- Issue #14: outcome measures. Instruments are FHIR Questionnaires with scoring rules (shipped as resources; an admin
-- imports the licensed ones here), an admin's acceptance of an instrument's terms enables it, therapists attach
-- measures to plans, and each answer is kept as the FHIR QuestionnaireResponse with its score Observations.
CREATE TABLE instrument_import (
    key           varchar(40)  PRIMARY KEY,
    questionnaire jsonb        NOT NULL,
    scoring       jsonb        NOT NULL,
    imported_by   uuid         NOT NULL,
    imported_at   timestamptz  NOT NULL
);

CREATE TABLE instrument_licence (
    key           varchar(40)  PRIMARY KEY,
    terms_version varchar(60)  NOT NULL,
    accepted_by   uuid         NOT NULL,
    accepted_at   timestamptz  NOT NULL
);

CREATE TABLE measure_schedule (
    id           uuid         PRIMARY KEY,
    plan_id      uuid         NOT NULL REFERENCES plan (id),
    patient_id   uuid         NOT NULL,
    instrument   varchar(40)  NOT NULL,
    at_intake    boolean      NOT NULL,
    every_weeks  integer      CHECK (every_weeks BETWEEN 1 AND 52),
    at_discharge boolean      NOT NULL,
    created_by   uuid         NOT NULL,
    created_at   timestamptz  NOT NULL,
    UNIQUE (plan_id, instrument)
);
CREATE INDEX measure_schedule_patient ON measure_schedule (patient_id);

CREATE TABLE measure_response (
    id            uuid         PRIMARY KEY,
    schedule_id   uuid         NOT NULL REFERENCES measure_schedule (id),
    plan_id       uuid         NOT NULL REFERENCES plan (id),
    patient_id    uuid         NOT NULL,
    instrument    varchar(40)  NOT NULL,
    occasion      varchar(20)  NOT NULL,
    answered_at   timestamptz  NOT NULL,
    response      jsonb        NOT NULL,
    UNIQUE (schedule_id, occasion)
);
CREATE INDEX measure_response_patient ON measure_response (patient_id, answered_at);

CREATE TABLE measure_score (
    response_id  uuid          NOT NULL REFERENCES measure_response (id),
    score        varchar(40)   NOT NULL,
    value        numeric(8, 2) NOT NULL,
    band         varchar(20),
    observation  jsonb         NOT NULL,
    PRIMARY KEY (response_id, score)
);
