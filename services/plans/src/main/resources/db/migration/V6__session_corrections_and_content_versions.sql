-- Sessions can be corrected or withdrawn by the patient who logged them, within the correction window
-- (docs/clinical-rules.md, "Correcting a session"); history keeps what a plan assigned (exercise content versions).

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
