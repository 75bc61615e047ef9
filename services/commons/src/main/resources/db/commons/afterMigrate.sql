-- Flyway callback, run after every migrate (so at every start of a service), as the owner role that runs the
-- migrations (quarkus.flyway.username). It gives the service's runtime role (the datasource's user, placeholder
-- runtime_role, commons' microprofile-config.properties) exactly what the service needs and no more, and it is
-- re-applied after each migration, so tables added later are covered without anyone remembering to grant them:
--   * every table: SELECT, INSERT, UPDATE, DELETE (UPDATE is also what SELECT ... FOR UPDATE needs);
--   * audit_record: only INSERT and SELECT. With no UPDATE, DELETE or TRUNCATE, and owning nothing, the service's
--     own credentials can neither rewrite the trail nor ALTER TABLE ... DISABLE TRIGGER / DROP TRIGGER the
--     append-only triggers (V0_2) away; those triggers stop the owner too;
--   * sequences: USAGE, SELECT, UPDATE (nextval), except audit_record's, which it may only draw from;
--   * no CREATE on the schema, no TRUNCATE/REFERENCES/TRIGGER on any table, nothing on Flyway's history.
-- docs/security.md, "Database roles", explains the two roles and how each environment sets them up.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${runtime_role}') THEN
        RAISE EXCEPTION 'the runtime role % does not exist: create it before the service starts', '${runtime_role}';
    END IF;
    -- Running the service with the migration credentials would leave the trail unprotected: refuse to start.
    IF pg_has_role('${runtime_role}', current_user, 'MEMBER')
            OR (SELECT rolsuper OR rolbypassrls OR rolcreaterole FROM pg_roles WHERE rolname = '${runtime_role}') THEN
        RAISE EXCEPTION 'the datasource user % must be a role of its own, not the owner % nor a privileged role',
            '${runtime_role}', current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Only the runtime role (and the owner) may connect to this database; other services' roles may not.
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${runtime_role}');
END $$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM ${runtime_role};
GRANT USAGE ON SCHEMA public TO ${runtime_role};

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${runtime_role};
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${runtime_role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${runtime_role};

REVOKE ALL ON TABLE audit_record FROM ${runtime_role};
GRANT SELECT, INSERT ON TABLE audit_record TO ${runtime_role};
DO $$
BEGIN
    -- setval on the trail's sequence could reorder it: the runtime role may only draw the next number.
    EXECUTE format('REVOKE UPDATE ON SEQUENCE %s FROM %I', pg_get_serial_sequence('audit_record', 'seq'),
        '${runtime_role}');
END $$;

REVOKE ALL ON TABLE "${flyway:table}" FROM ${runtime_role};

-- Objects the owner creates outside a migration get the same grants at once (the next start corrects the rest).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${runtime_role};

-- The guarantee the service relies on, checked rather than assumed: a grant made by hand, or a schema the owner
-- could not revoke CREATE on, stops the start here instead of leaving the trail writable.
DO $$
BEGIN
    IF has_table_privilege('${runtime_role}', 'audit_record', 'UPDATE')
            OR has_table_privilege('${runtime_role}', 'audit_record', 'DELETE')
            OR has_table_privilege('${runtime_role}', 'audit_record', 'TRUNCATE')
            OR has_table_privilege('${runtime_role}', 'audit_record', 'TRIGGER')
            OR has_schema_privilege('${runtime_role}', 'public', 'CREATE')
            OR EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relowner = '${runtime_role}'::regrole) THEN
        RAISE EXCEPTION 'the runtime role % could still alter the audit trail or the schema', '${runtime_role}'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;
