-- Issue #19: the therapist's page of a patient (GET /api/plans/overview) is served from memory while it is current
-- (PatientOverviews), as the patient's screen is (V20). What it shows is read from the patient's plans, their items,
-- versions and progression dismissals, sessions and their corrections, alerts and their escalation steps, measure
-- schedules, responses and scores, the patient's profile (the time zone) and care team; every write to one of them,
-- whoever makes it, gives that patient a new random stamp here in the same transaction. The instruments offered and
-- the library's current words (an item without a kept content version) are the same for every patient: a write to
-- them gives the one row of overview_catalog_stamp a new stamp, which every kept overview compares too.
CREATE TABLE patient_overview_stamp (
    patient_id uuid PRIMARY KEY,
    stamp      uuid NOT NULL
);

CREATE TABLE overview_catalog_stamp (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    stamp    uuid    NOT NULL
);
INSERT INTO overview_catalog_stamp (only_row, stamp) VALUES (true, gen_random_uuid());

CREATE FUNCTION restamp_patient_overview(patient uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO patient_overview_stamp (patient_id, stamp) VALUES (patient, gen_random_uuid())
    ON CONFLICT (patient_id) DO UPDATE SET stamp = EXCLUDED.stamp
$$;

-- Rows keyed to the patient by patient_id; one moved from one patient to another changes both overviews.
CREATE FUNCTION patient_row_restamps_patient_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM restamp_patient_overview(OLD.patient_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.patient_id IS DISTINCT FROM OLD.patient_id) THEN
        PERFORM restamp_patient_overview(NEW.patient_id);
    END IF;
    RETURN NULL;
END $$;

-- Rows keyed to a plan by plan_id: the plan's patient.
CREATE FUNCTION plan_row_restamps_patient_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM restamp_patient_overview(p.patient_id) FROM plan p
     WHERE (TG_OP IN ('INSERT', 'UPDATE') AND p.id = NEW.plan_id)
        OR (TG_OP IN ('UPDATE', 'DELETE') AND p.id = OLD.plan_id);
    RETURN NULL;
END $$;

-- A session's corrections: the session's patient.
CREATE FUNCTION session_change_restamps_patient_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM restamp_patient_overview(s.patient_id) FROM session_log s
     WHERE (TG_OP IN ('INSERT', 'UPDATE') AND s.id = NEW.session_id)
        OR (TG_OP IN ('UPDATE', 'DELETE') AND s.id = OLD.session_id);
    RETURN NULL;
END $$;

-- An alert's escalation steps: the alert's patient.
CREATE FUNCTION alert_escalation_restamps_patient_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM restamp_patient_overview(a.patient_id) FROM alert a
     WHERE (TG_OP IN ('INSERT', 'UPDATE') AND a.id = NEW.alert_id)
        OR (TG_OP IN ('UPDATE', 'DELETE') AND a.id = OLD.alert_id);
    RETURN NULL;
END $$;

-- A response's scores: the response's patient.
CREATE FUNCTION measure_score_restamps_patient_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM restamp_patient_overview(r.patient_id) FROM measure_response r
     WHERE (TG_OP IN ('INSERT', 'UPDATE') AND r.id = NEW.response_id)
        OR (TG_OP IN ('UPDATE', 'DELETE') AND r.id = OLD.response_id);
    RETURN NULL;
END $$;

CREATE FUNCTION restamp_overview_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE overview_catalog_stamp SET stamp = gen_random_uuid();
    RETURN NULL;
END $$;

CREATE TRIGGER plan_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON plan
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER session_log_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON session_log
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER alert_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON alert
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER measure_schedule_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON measure_schedule
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER measure_response_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON measure_response
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER patient_profile_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON patient_profile
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();
CREATE TRIGGER care_team_member_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON care_team_member
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_overview();

CREATE TRIGGER plan_item_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON plan_item
    FOR EACH ROW EXECUTE FUNCTION plan_row_restamps_patient_overview();
CREATE TRIGGER plan_version_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON plan_version
    FOR EACH ROW EXECUTE FUNCTION plan_row_restamps_patient_overview();
CREATE TRIGGER progression_dismissal_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE
    ON progression_dismissal FOR EACH ROW EXECUTE FUNCTION plan_row_restamps_patient_overview();

CREATE TRIGGER session_change_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON session_change
    FOR EACH ROW EXECUTE FUNCTION session_change_restamps_patient_overview();
CREATE TRIGGER alert_escalation_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON alert_escalation
    FOR EACH ROW EXECUTE FUNCTION alert_escalation_restamps_patient_overview();
CREATE TRIGGER measure_score_restamps_patient_overview AFTER INSERT OR UPDATE OR DELETE ON measure_score
    FOR EACH ROW EXECUTE FUNCTION measure_score_restamps_patient_overview();

CREATE TRIGGER exercise_restamps_overview_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exercise
    FOR EACH STATEMENT EXECUTE FUNCTION restamp_overview_catalog();
CREATE TRIGGER exercise_content_restamps_overview_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON exercise_content FOR EACH STATEMENT EXECUTE FUNCTION restamp_overview_catalog();
CREATE TRIGGER instrument_import_restamps_overview_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON instrument_import FOR EACH STATEMENT EXECUTE FUNCTION restamp_overview_catalog();
CREATE TRIGGER instrument_licence_restamps_overview_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON instrument_licence FOR EACH STATEMENT EXECUTE FUNCTION restamp_overview_catalog();

-- Patients with data already: a stamp each, so their overviews can be kept from the first read. A patient without a
-- stamp (nothing written since) is answered from the database every time.
INSERT INTO patient_overview_stamp (patient_id, stamp)
SELECT patient_id, gen_random_uuid() FROM (SELECT patient_id FROM plan UNION SELECT patient_id FROM patient_profile
    UNION SELECT patient_id FROM care_team_member UNION SELECT patient_id FROM alert
    UNION SELECT patient_id FROM measure_response) p;
