-- The language of a calendar feed's words (docs/api.md, "Calendar feed"): a calendar app's fetch carries no
-- signed-in person and no useful Accept-Language, so the feed keeps the language the patient read in when they made
-- the link. Null for links made before: English.
ALTER TABLE calendar_feed ADD COLUMN language varchar(2);
