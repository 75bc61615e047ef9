-- Alerts: repeats update the open alert instead of multiplying it, and unacknowledged alerts escalate
-- (docs/clinical-rules.md, "Repeats and escalation").

-- How often the same signal was reported while the alert stayed open, and when last.
ALTER TABLE alert ADD COLUMN occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1);
ALTER TABLE alert ADD COLUMN last_seen_at timestamptz;
UPDATE alert SET last_seen_at = created_at;
ALTER TABLE alert ALTER COLUMN last_seen_at SET NOT NULL;
-- How many escalation steps the alert has taken: the escalation job claims a step by raising it, once.
ALTER TABLE alert ADD COLUMN escalation_level integer NOT NULL DEFAULT 0 CHECK (escalation_level >= 0);
-- Set only on duplicates recorded before this migration (status MERGED): the open alert they were folded into.
ALTER TABLE alert ADD COLUMN merged_into uuid REFERENCES alert (id);

-- Before this migration every repeat raised an alert of its own. Fold the open duplicates of one identity into the
-- oldest (escalation counts from the first report), which counts them; the others stay, marked MERGED, so no record
-- of a report is lost, and the unique index below can be built.
WITH identity AS (
    SELECT id,
           first_value(id) OVER (PARTITION BY patient_id,
                   COALESCE(plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
                   COALESCE(item_id, '00000000-0000-0000-0000-000000000000'::uuid), reason_code
               ORDER BY created_at, id) AS keeper,
           count(*) OVER (PARTITION BY patient_id,
                   COALESCE(plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
                   COALESCE(item_id, '00000000-0000-0000-0000-000000000000'::uuid), reason_code) AS reports,
           max(created_at) OVER (PARTITION BY patient_id,
                   COALESCE(plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
                   COALESCE(item_id, '00000000-0000-0000-0000-000000000000'::uuid), reason_code) AS last_report
    FROM alert
    WHERE status = 'OPEN'
), kept AS (
    UPDATE alert a SET occurrences = i.reports, last_seen_at = i.last_report
    FROM identity i
    WHERE a.id = i.id AND i.id = i.keeper AND i.reports > 1
    RETURNING a.id
)
UPDATE alert a SET status = 'MERGED', merged_into = i.keeper
FROM identity i
WHERE a.id = i.id AND i.id <> i.keeper;

-- At most one OPEN alert per identity: patient, plan, item, reason code (a missing plan or item counts as one fixed
-- value, since NULLs never conflict). Raising is an INSERT ... ON CONFLICT on this index, so two identical reports at
-- the same moment make one alert counted twice.
CREATE UNIQUE INDEX alert_open_identity ON alert (patient_id,
        COALESCE(plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
        COALESCE(item_id, '00000000-0000-0000-0000-000000000000'::uuid), reason_code)
    WHERE status = 'OPEN';

-- The escalation job looks only at open alerts, oldest first.
CREATE INDEX alert_open_by_age ON alert (created_at) WHERE status = 'OPEN';

-- Each escalation step an alert took: when, and to whom. One row per alert and step, whatever the number of replicas.
CREATE TABLE alert_escalation (
    id           uuid PRIMARY KEY,
    alert_id     uuid        NOT NULL REFERENCES alert (id),
    step         varchar(30) NOT NULL,
    escalated_at timestamptz NOT NULL,
    recipients   jsonb       NOT NULL,
    CONSTRAINT alert_escalation_once UNIQUE (alert_id, step)
);
