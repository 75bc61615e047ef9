-- A patient's preferred language is optional: none means "no preference", so the portal and plan-service use the
-- browser's Accept-Language for them and notification-service writes English. Until now a patient created without a
-- language was stored as 'en'. Those rows stay 'en': nothing records whether 'en' was chosen or defaulted, and
-- turning a chosen English into "no preference" would put a patient who chose English on their browser's language.
ALTER TABLE patient ALTER COLUMN preferred_language DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN preferred_language DROP DEFAULT;
