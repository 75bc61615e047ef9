-- Issue #13, item 3: a corrected seed reaches an existing database. Each seeded exercise and template in
-- seed/library.json carries a seedVersion; the versions applied are recorded here, one row per application (who,
-- when), so a restart with the same file changes nothing and a higher seedVersion is applied once.
CREATE TABLE library_seed (
    kind         varchar(20)  NOT NULL CHECK (kind IN ('EXERCISE', 'TEMPLATE')),
    slug         varchar(255) NOT NULL,
    seed_version integer      NOT NULL CHECK (seed_version >= 1),
    applied_at   timestamptz  NOT NULL,
    applied_by   varchar(100) NOT NULL,
    PRIMARY KEY (kind, slug, seed_version)
);

-- What is seeded already came from seed version 1 of its entry (the first file to carry seed versions starts all at 1).
INSERT INTO library_seed (kind, slug, seed_version, applied_at, applied_by)
SELECT 'EXERCISE', slug, 1, now(), 'seed' FROM exercise WHERE owner_therapist_id IS NULL;
INSERT INTO library_seed (kind, slug, seed_version, applied_at, applied_by)
SELECT 'TEMPLATE', slug, 1, now(), 'seed' FROM template WHERE owner_therapist_id IS NULL;

-- A content version made by a seed correction says so: who ('seed') and which seed version; a therapist's edit
-- leaves both empty (the entry's owner made it).
ALTER TABLE exercise_content ADD COLUMN recorded_by varchar(100);
ALTER TABLE exercise_content ADD COLUMN seed_version integer;
