-- The home-care guide's rules as behaviour (docs/clinical-rules.md, rules 6 and 8): what an exercise applies (heat or
-- cold) and where (body regions), whether a plan or template is for the acute phase, and the therapist-set daily
-- drink target.

-- HEAT, COLD or HEAT_AND_COLD; required for TEMPERATURE entries (cold needs an acute flare-up as its reason).
ALTER TABLE exercise ADD COLUMN temperature varchar(20);
-- Where an exercise works, e.g. ["GLUTES", "HIPS"]; self-release is never used on the low back.
ALTER TABLE exercise ADD COLUMN body_regions jsonb NOT NULL DEFAULT '[]';

-- The seeded library is never overwritten by the seeder: give its entries what library version 2 says.
UPDATE exercise SET temperature = 'HEAT', body_regions = '["LOW_BACK"]'
    WHERE slug = 'heat-wrap' AND owner_therapist_id IS NULL;
UPDATE exercise SET temperature = 'HEAT_AND_COLD', body_regions = '["LOW_BACK"]'
    WHERE slug = 'contrast-heat-cold' AND owner_therapist_id IS NULL;
UPDATE exercise SET body_regions = '["GLUTES", "HIPS", "UPPER_BACK"]'
    WHERE slug IN ('foam-roller-release', 'lacrosse-ball-release') AND owner_therapist_id IS NULL;
-- Library version 1 seeded the hydration item without timesPerDay, a dose the API itself refuses.
UPDATE exercise SET default_dose = jsonb_set(default_dose, '{timesPerDay}', '1'), content_version = 2
    WHERE slug = 'electrolyte-hydration' AND owner_therapist_id IS NULL
      AND jsonb_typeof(default_dose -> 'timesPerDay') IS DISTINCT FROM 'number';

-- Therapists' own TEMPERATURE entries: the flags they declared are the best evidence of what they apply. One without
-- either flag stays without a temperature, and the plan rules treat it as possibly cold until the therapist says.
UPDATE exercise SET temperature = CASE
        WHEN flags ? 'COLD_THERAPY' AND flags ? 'HEAT_THERAPY' THEN 'HEAT_AND_COLD'
        WHEN flags ? 'COLD_THERAPY' THEN 'COLD'
        WHEN flags ? 'HEAT_THERAPY' THEN 'HEAT' END
    WHERE category = 'TEMPERATURE' AND owner_therapist_id IS NOT NULL;

-- A plan built from it is acute: static holds are capped.
ALTER TABLE template ADD COLUMN acute boolean NOT NULL DEFAULT false;
UPDATE template SET acute = true WHERE slug = 'acute-back-spasm-4-weeks' AND owner_therapist_id IS NULL;

-- Where the therapist applies an item, narrowing the exercise's regions; [] = the exercise's own.
ALTER TABLE template_item ADD COLUMN target_regions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE plan_item ADD COLUMN target_regions jsonb NOT NULL DEFAULT '[]';

-- The acute phase: from an acute template or marked by the therapist. Plans made before cannot tell which template
-- they came from and stay not acute until a therapist marks them.
ALTER TABLE plan ADD COLUMN acute boolean NOT NULL DEFAULT false;
-- Litres a day, set only by a therapist who confirmed the fluid-restriction caution; null = no target.
ALTER TABLE plan ADD COLUMN hydration_target_litres numeric(4, 2)
    CHECK (hydration_target_litres IS NULL OR hydration_target_litres > 0);
