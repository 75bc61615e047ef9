-- Issue #13: a clinical lead (a therapist an admin designated, realm role clinical-lead) corrects the clinic's seeded
-- exercises and templates in the portal, beside the seed-version path (V14). Each correction is recorded: which entry,
-- the exercise's content version it made (exercise_content keeps the words, recorded_by the lead's username), who and
-- when. A template has no content versions: a plan copies its items when it is built, so plans are unaffected.
CREATE TABLE library_correction (
    id                    uuid         PRIMARY KEY,
    kind                  varchar(20)  NOT NULL CHECK (kind IN ('EXERCISE', 'TEMPLATE')),
    entry_id              uuid         NOT NULL,
    slug                  varchar(255) NOT NULL,
    content_version       integer      CHECK (content_version >= 1),
    corrected_at          timestamptz  NOT NULL,
    corrected_by          uuid         NOT NULL,
    corrected_by_username varchar(100) NOT NULL,
    CHECK ((kind = 'EXERCISE') = (content_version IS NOT NULL))
);
CREATE INDEX library_correction_entry ON library_correction (kind, entry_id, corrected_at);
