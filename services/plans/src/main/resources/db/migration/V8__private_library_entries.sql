-- A therapist's own exercises and templates are theirs alone unless they share them with the clinic (issue #12,
-- finding 6). Seeded entries (owner_therapist_id null) stay clinic-wide.
ALTER TABLE exercise ADD COLUMN shared_with_clinic boolean NOT NULL DEFAULT false;
ALTER TABLE template ADD COLUMN shared_with_clinic boolean NOT NULL DEFAULT false;
