-- Shared by every service: the audit trail of every request to /api (who, what, when, outcome, correlation id).
-- Append-only: no code path updates or deletes a row, and the database refuses it (the triggers below), so even a
-- bug or a careless operator with the service's credentials cannot rewrite history.
CREATE TABLE audit_record (
    id             uuid PRIMARY KEY,
    seq            bigserial    NOT NULL UNIQUE,
    occurred_at    timestamptz  NOT NULL,
    service        varchar(60)  NOT NULL,
    actor_sub      varchar(64),              -- the caller's Keycloak sub; null when anonymous
    actor_role     varchar(20)  NOT NULL,    -- admin | therapist | patient | none | anonymous
    client_id      varchar(100),             -- the token's azp: which client acted for the person
    method         varchar(10)  NOT NULL,
    resource       varchar(200) NOT NULL,    -- the path template, e.g. /api/patients/{id}
    object_id      varchar(100),             -- the id in the path, if any
    patient_id     uuid,                     -- the patient whose data this touched, if known
    action         varchar(10)  NOT NULL,    -- READ | CREATE | UPDATE | DELETE
    outcome        varchar(10)  NOT NULL,    -- ALLOWED | DENIED | ERROR
    status         integer      NOT NULL,
    correlation_id varchar(64)  NOT NULL
);
CREATE INDEX audit_record_by_patient ON audit_record (patient_id, seq) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_record_by_actor ON audit_record (actor_sub, seq) WHERE actor_sub IS NOT NULL;
CREATE INDEX audit_record_by_correlation ON audit_record (correlation_id);

CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
