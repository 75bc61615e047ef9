-- Therapists' quiet hours move here from notification-service: patient-service owns every person's contact
-- preferences (time zone, quiet hours, channels) and announces them; notification-service only projects them.
-- The defaults are notification-service's, so a therapist's notices keep the timing they had.
ALTER TABLE therapist ADD COLUMN quiet_start varchar(5) NOT NULL DEFAULT '21:00';
ALTER TABLE therapist ADD COLUMN quiet_end   varchar(5) NOT NULL DEFAULT '08:00';
