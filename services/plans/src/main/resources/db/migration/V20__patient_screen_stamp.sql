-- Issue #19: the patient's screen (GET /api/plans/mine) is served from memory while it is current
-- (PatientScreens). What it shows is read from plan, plan_item and patient_profile (the time zone); every write to
-- them, whoever makes it (an entity, a native statement, a migration, a hand-made fix), gives that patient a new
-- random stamp here in the same transaction, so one indexed read of the stamp tells a replica whether the screen it
-- kept is still the one the database would give. A random uuid, not a counter: a stamp is never seen twice, even
-- after a restore from a backup rolled the table back.
CREATE TABLE patient_screen_stamp (
    patient_id uuid PRIMARY KEY,
    stamp      uuid NOT NULL
);

CREATE FUNCTION restamp_patient_screen(patient uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO patient_screen_stamp (patient_id, stamp) VALUES (patient, gen_random_uuid())
    ON CONFLICT (patient_id) DO UPDATE SET stamp = EXCLUDED.stamp
$$;

-- A row of plan or patient_profile (both keyed to the patient by patient_id); one moved from one patient to another
-- (never done today) changes both screens.
CREATE FUNCTION patient_row_restamps_patient_screen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM restamp_patient_screen(OLD.patient_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.patient_id IS DISTINCT FROM OLD.patient_id) THEN
        PERFORM restamp_patient_screen(NEW.patient_id);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION plan_item_restamps_patient_screen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM restamp_patient_screen(p.patient_id) FROM plan p
     WHERE (TG_OP IN ('INSERT', 'UPDATE') AND p.id = NEW.plan_id)
        OR (TG_OP IN ('UPDATE', 'DELETE') AND p.id = OLD.plan_id);
    RETURN NULL;
END $$;

CREATE TRIGGER plan_restamps_patient_screen AFTER INSERT OR UPDATE OR DELETE ON plan
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_screen();
CREATE TRIGGER plan_item_restamps_patient_screen AFTER INSERT OR UPDATE OR DELETE ON plan_item
    FOR EACH ROW EXECUTE FUNCTION plan_item_restamps_patient_screen();
CREATE TRIGGER patient_profile_restamps_patient_screen AFTER INSERT OR UPDATE OR DELETE ON patient_profile
    FOR EACH ROW EXECUTE FUNCTION patient_row_restamps_patient_screen();

-- Patients with data already: a stamp each, so their screens can be kept from the first read. A patient without a
-- stamp (nothing written since) is answered from the database every time.
INSERT INTO patient_screen_stamp (patient_id, stamp)
SELECT patient_id, gen_random_uuid() FROM (SELECT patient_id FROM plan UNION SELECT patient_id FROM patient_profile) p;
