-- Non-adherence alerts (docs/clinical-rules.md, "Non-adherence"): how long a plan went without a session, not
-- counting the time it could not be followed.

-- When the plan first became ACTIVE (a draft is not followed yet); later re-activations after a hold are covered by
-- plan_adherence_pause.
ALTER TABLE plan ADD COLUMN activated_at timestamptz;

-- Periods in which an ACTIVE or ON_HOLD plan could not be followed: the plan ON_HOLD, or none of its items ACTIVE
-- (all paused by the safety rules). ended_at null = still going on. Maintained with every new plan version.
CREATE TABLE plan_adherence_pause (
    id         uuid PRIMARY KEY,
    plan_id    uuid        NOT NULL REFERENCES plan (id),
    started_at timestamptz NOT NULL,
    ended_at   timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX plan_adherence_pause_by_plan ON plan_adherence_pause (plan_id);
CREATE UNIQUE INDEX plan_adherence_pause_one_open ON plan_adherence_pause (plan_id) WHERE ended_at IS NULL;

-- Each non-adherence level is raised once per lapse (a lapse starts at the last session or the activation): the
-- primary key refuses a second raise of the same level for the same lapse, whichever replica tries, and whether the
-- first alert is still open or was acknowledged.
CREATE TABLE adherence_alert (
    plan_id          uuid        NOT NULL REFERENCES plan (id),
    reason_code      varchar(50) NOT NULL,
    lapse_started_at timestamptz NOT NULL,
    alert_id         uuid        NOT NULL,
    raised_at        timestamptz NOT NULL,
    PRIMARY KEY (plan_id, reason_code, lapse_started_at)
);

-- Existing plans, from their version history (each version is a snapshot of status and items).
UPDATE plan p SET activated_at = (SELECT MIN(v.changed_at) FROM plan_version v
                                  WHERE v.plan_id = p.id AND v.snapshot ->> 'status' = 'ACTIVE')
WHERE p.status <> 'DRAFT';
UPDATE plan SET activated_at = created_at WHERE activated_at IS NULL AND status <> 'DRAFT';

INSERT INTO plan_adherence_pause (id, plan_id, started_at, ended_at)
SELECT gen_random_uuid(), plan_id, changed_at, next_changed_at
FROM (SELECT v.plan_id, v.changed_at,
             LEAD(v.changed_at) OVER (PARTITION BY v.plan_id ORDER BY v.version) AS next_changed_at,
             v.snapshot ->> 'status' IN ('ACTIVE', 'ON_HOLD')
                 AND (v.snapshot ->> 'status' = 'ON_HOLD'
                      OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.snapshot -> 'items') i
                                     WHERE i ->> 'status' = 'ACTIVE')) AS paused
      FROM plan_version v) h
WHERE paused;
-- Only one open period per plan (adjacent paused versions were split into closed periods above); a finished plan
-- has none.
UPDATE plan_adherence_pause a SET ended_at = a.started_at
WHERE a.ended_at IS NULL
  AND (EXISTS (SELECT 1 FROM plan p WHERE p.id = a.plan_id AND p.status IN ('COMPLETED', 'REVOKED')));
