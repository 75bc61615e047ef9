-- The language a recipient's messages are written in (docs/notifications.md, "Languages"): a patient's
-- preferredLanguage as patient-service announces it in PatientContact; English until an event says otherwise.
ALTER TABLE recipient ADD COLUMN preferred_language varchar(16) NOT NULL DEFAULT 'en';
