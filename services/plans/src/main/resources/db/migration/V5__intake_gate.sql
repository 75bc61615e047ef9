-- Intake gates activation (docs/clinical-rules.md): the flags a therapist's sign-off covered, so that a flag
-- recorded later puts the plan on hold until it is signed off too. Existing sign-offs covered the flags known then.
ALTER TABLE plan ADD COLUMN intake_signed_off_flags jsonb NOT NULL DEFAULT '[]';
UPDATE plan p SET intake_signed_off_flags = pp.intake_flags
FROM patient_profile pp WHERE pp.patient_id = p.patient_id AND p.intake_signed_off_by IS NOT NULL;
