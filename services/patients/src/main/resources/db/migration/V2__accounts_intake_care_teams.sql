-- Therapists get what notification-service needs to reach them, and a status that follows their account.
ALTER TABLE therapist ADD COLUMN time_zone      varchar(64) NOT NULL DEFAULT 'Europe/Berlin';
ALTER TABLE therapist ADD COLUMN email_enabled  boolean     NOT NULL DEFAULT true;
ALTER TABLE therapist ADD COLUMN in_app_enabled boolean     NOT NULL DEFAULT true;
ALTER TABLE therapist ADD COLUMN status         varchar(20) NOT NULL DEFAULT 'ACTIVE';
CREATE INDEX therapist_by_name ON therapist (lower(last_name), lower(first_name));

-- Intake screening (PRODUCT.md safety rule 3): only the resulting flags are kept, not the answers.
ALTER TABLE patient ADD COLUMN requires_sign_off  boolean NOT NULL DEFAULT false;
ALTER TABLE patient ADD COLUMN intake_screened_at timestamptz;
ALTER TABLE patient ADD COLUMN intake_screened_by uuid;
CREATE TABLE intake_flag (
    patient_id uuid        NOT NULL REFERENCES patient (id),
    flag       varchar(40) NOT NULL,
    PRIMARY KEY (patient_id, flag)
);
CREATE INDEX patient_by_name ON patient (lower(last_name), lower(first_name));

-- The durable intent of an account creation that spans Keycloak and this database: written (and committed) before
-- the Keycloak call, removed in the transaction that writes the record. A row that outlives its request names a
-- Keycloak account that may have no record: AccountReconciler removes such an orphan.
CREATE TABLE pending_account (
    username     varchar(100) PRIMARY KEY,
    role         varchar(20)  NOT NULL,
    requested_at timestamptz  NOT NULL
);
