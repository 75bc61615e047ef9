-- The audit trail becomes a hash chain: each record carries the SHA-256 of its own fields and of the record before
-- (prev_hash), so a record changed or deleted behind the services' back (by someone who can disable the append-only
-- triggers, e.g. a DBA) breaks the chain at that point; <prefix>/audit/verify walks it and names the first broken link.
--
-- One writer at a time: the BEFORE INSERT trigger takes a transaction-scoped advisory lock, reads the newest record's
-- hash (one indexed SELECT: the unique index on seq, read backwards), and only then draws the record's seq, so seq
-- order is chain order even with several replicas inserting at once. The lock is held until the inserting
-- transaction ends, which for the audit log is right after the insert (each record has its own transaction).
-- The trigger function is SECURITY DEFINER (it runs as the owner of this migration): the services' runtime role needs
-- only INSERT (and SELECT for the admins' queries) on audit_record, no right on the sequence or on the chain's columns,
-- and whatever it puts in seq, prev_hash or hash is overwritten.
--
-- The canonical text of a record (the Java verifier, care.homeprogram.commons.audit.AuditChain, builds the same):
-- "v1", then each field on its own line as <UTF-8 byte length>:<text>, or "-" for null, in this order: seq, id,
-- occurred_at as microseconds since the epoch, service, actor_sub, actor_role, client_id, method, resource,
-- object_id, patient_id, action, outcome, status, correlation_id, prev_hash. hash = hex(SHA-256(UTF-8 of that text)).
-- The first record's prev_hash is 64 zeros.
-- This file sorts before the services' own migrations: it runs on existing databases because commons' configuration
-- sets quarkus.flyway.out-of-order=true. (V0_3 was already taken by the outbox's retries.)
ALTER TABLE audit_record
    ADD COLUMN prev_hash varchar(64),
    ADD COLUMN hash      varchar(64);

CREATE FUNCTION audit_record_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION audit_record_hash(r audit_record, previous varchar) RETURNS varchar LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\n', 'v1',
        audit_record_field(r.seq::text),
        audit_record_field(r.id::text),
        audit_record_field((extract(epoch FROM r.occurred_at) * 1000000)::bigint::text),
        audit_record_field(r.service),
        audit_record_field(r.actor_sub),
        audit_record_field(r.actor_role),
        audit_record_field(r.client_id),
        audit_record_field(r.method),
        audit_record_field(r.resource),
        audit_record_field(r.object_id),
        audit_record_field(r.patient_id::text),
        audit_record_field(r.action),
        audit_record_field(r.outcome),
        audit_record_field(r.status::text),
        audit_record_field(r.correlation_id),
        audit_record_field(previous::text)), 'UTF8')), 'hex')
$$;

-- Chain the records written before this migration, oldest first.
ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update_or_delete;
DO $$
DECLARE
    r audit_record;
    previous varchar := repeat('0', 64);
    current_hash varchar;
BEGIN
    FOR r IN SELECT * FROM audit_record ORDER BY seq LOOP
        current_hash := audit_record_hash(r, previous);
        UPDATE audit_record SET prev_hash = previous, hash = current_hash WHERE id = r.id;
        previous := current_hash;
    END LOOP;
END;
$$;
ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update_or_delete;

-- seq is drawn by the trigger under the lock, never by the column's default (which would be drawn before the lock).
ALTER TABLE audit_record ALTER COLUMN seq DROP DEFAULT;

CREATE FUNCTION audit_record_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    previous varchar;
BEGIN
    -- 0x61756469745f6368 spells "audit_ch": one lock per database (advisory locks are per database).
    PERFORM pg_advisory_xact_lock(7022629598040908648);
    SELECT hash INTO previous FROM audit_record ORDER BY seq DESC LIMIT 1;
    NEW.seq := nextval('audit_record_seq_seq');
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.hash := audit_record_hash(NEW, NEW.prev_hash);
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_record_chain BEFORE INSERT ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_chain();

ALTER TABLE audit_record
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
