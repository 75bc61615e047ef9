-- Pictures and videos of library entries (issue #13, item 1): what each is, and its bytes in chunks of at most
-- 256 KiB, so an upload is written and a download read a chunk at a time, never whole in memory. A row is never
-- changed after its upload: its id names immutable content (cached for a year by those allowed to see it).
CREATE TABLE exercise_media (
    id           uuid PRIMARY KEY,
    exercise_id  uuid        NOT NULL REFERENCES exercise (id),
    kind         varchar(10) NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    content_type varchar(40) NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256       varchar(64) NOT NULL,
    width        integer,
    height       integer,
    -- Images: the alt text (required). Videos: the text alternative describing what the video shows (required).
    description  varchar(2000) NOT NULL,
    position     integer     NOT NULL,
    -- null for the clinic's seeded illustrations; seed_file names the file a seeded illustration came from.
    uploaded_by  uuid,
    seed_file    varchar(200),
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX exercise_media_exercise ON exercise_media (exercise_id, position);
-- One video per entry: a new upload replaces the old one in the same transaction.
CREATE UNIQUE INDEX exercise_media_one_video ON exercise_media (exercise_id) WHERE kind = 'VIDEO';
CREATE UNIQUE INDEX exercise_media_seed_file ON exercise_media (exercise_id, seed_file) WHERE seed_file IS NOT NULL;

CREATE TABLE exercise_media_chunk (
    media_id uuid    NOT NULL REFERENCES exercise_media (id) ON DELETE CASCADE,
    seq      integer NOT NULL,
    bytes    bytea   NOT NULL,
    PRIMARY KEY (media_id, seq)
);
