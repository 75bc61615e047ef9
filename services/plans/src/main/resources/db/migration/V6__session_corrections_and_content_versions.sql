-- Sessions can be corrected or withdrawn by the patient who logged them, within the correction window
-- (docs/clinical-rules.md, "Correcting a session"); history keeps what a plan assigned (exercise content versions).

-- The row always holds the session's current values; corrected_at is the latest correction. A withdrawn session
-- stays (the therapist still sees it, marked withdrawn) but no longer counts for adherence or pain history.
ALTER TABLE session_log ADD COLUMN corrected_at timestamptz;
ALTER TABLE session_log ADD COLUMN withdrawn_at timestamptz;

-- One row per correction or withdrawal: the values as they were before it, with who, when and why. The first row's
-- values are the session as originally logged; nothing is overwritten without a trace.
CREATE TABLE session_change (
    id         uuid PRIMARY KEY,
    session_id uuid         NOT NULL REFERENCES session_log (id),
    change     varchar(20)  NOT NULL CHECK (change IN ('CORRECTED', 'WITHDRAWN')),
    previous   jsonb        NOT NULL,
    changed_by uuid         NOT NULL,
    changed_at timestamptz  NOT NULL,
    reason     varchar(500) NOT NULL
);
CREATE INDEX session_change_by_session ON session_change (session_id, changed_at);

-- Every content version of a library entry, as it read: a plan item points at the version it was assigned with, so
-- an edit of the entry (a new version) never changes a plan already assigned.
CREATE TABLE exercise_content (
    exercise_id     uuid         NOT NULL REFERENCES exercise (id),
    content_version integer      NOT NULL,
    name            varchar(200) NOT NULL,
    summary         text         NOT NULL,
    instructions    jsonb        NOT NULL,
    cautions        jsonb        NOT NULL,
    why_safe        text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (exercise_id, content_version)
);

-- What existed before: the entries' current content is the best record there is of what was assigned.
INSERT INTO exercise_content (exercise_id, content_version, name, summary, instructions, cautions, why_safe, created_at)
SELECT id, content_version, name, summary, instructions, cautions, why_safe, now() FROM exercise;

ALTER TABLE plan_item ADD COLUMN exercise_content_version integer;
UPDATE plan_item i SET exercise_content_version = e.content_version FROM exercise e WHERE e.id = i.exercise_id;
ALTER TABLE plan_item ALTER COLUMN exercise_content_version SET NOT NULL;

-- Stored versions name the content version of each item too (the one known now, as above).
UPDATE plan_version v
SET snapshot = jsonb_set(v.snapshot, '{items}', COALESCE((
        SELECT jsonb_agg(CASE WHEN e.id IS NULL THEN item
                              ELSE item || jsonb_build_object('exerciseContentVersion', e.content_version) END
                         ORDER BY ordinality)
        FROM jsonb_array_elements(v.snapshot -> 'items') WITH ORDINALITY AS items(item, ordinality)
        LEFT JOIN exercise e ON e.id::text = item ->> 'exerciseId'), '[]'::jsonb))
WHERE jsonb_typeof(v.snapshot -> 'items') = 'array';
