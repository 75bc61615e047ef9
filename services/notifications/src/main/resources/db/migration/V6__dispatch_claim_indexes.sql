-- The claim of BatchDispatcher (docs/notifications.md, "Dispatch"): due emails and push deliveries are claimed
-- ORDER BY urgent DESC, next_attempt_at LIMIT n FOR UPDATE SKIP LOCKED. An index in exactly that order lets the
-- claim read the first n due rows and stop, rather than read every due row and sort them, which under a backlog
-- (a burst of 100,000 queued emails) is every batch's cost. Reminders are claimed ORDER BY due_at, which
-- reminder_due (V2) already serves.
CREATE INDEX email_delivery_claim ON email_delivery (urgent DESC, next_attempt_at) WHERE state = 'PENDING';
DROP INDEX email_delivery_due;
CREATE INDEX push_delivery_claim ON push_delivery (urgent DESC, next_attempt_at) WHERE state = 'PENDING';
DROP INDEX push_delivery_due;
