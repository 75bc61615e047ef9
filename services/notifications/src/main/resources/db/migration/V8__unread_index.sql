-- The unread count (GET /api/notifications/unread, the portal's Today page on every visit): an index of only the
-- messages shown in the app and not read yet, so the count reads as many entries as the person has unread.
CREATE INDEX notification_unread ON notification (recipient_id) WHERE in_app AND read_at IS NULL;
