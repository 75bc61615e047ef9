-- A patient's calendar feed (docs/security.md, "Calendar feeds"): a secret link a calendar app fetches without signing
-- in. Only the SHA-256 of the link's 256-bit random token is kept, so a copy of this table cannot fetch anyone's feed.
-- At most one feed per patient: creating a new one replaces the old (rotation); revoking deletes the row.
CREATE TABLE calendar_feed (
    id              uuid PRIMARY KEY,
    patient_id      uuid        NOT NULL UNIQUE,
    token_sha256    varchar(64) NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    last_fetched_at timestamptz
);
