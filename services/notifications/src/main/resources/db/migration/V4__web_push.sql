-- Web Push (RFC 8030/8291/8292): a person's push subscriptions (one per browser or device they opted in on) and
-- one delivery per message and subscription, claimed by dispatchers like emails (docs/notifications.md, "Push").

CREATE TABLE push_subscription (
    id           uuid PRIMARY KEY,
    recipient_id uuid          NOT NULL,
    endpoint     varchar(2048) NOT NULL UNIQUE,  -- the push service's URL for this browser: a capability, never shown
    p256dh       varchar(100)  NOT NULL,         -- the browser's P-256 public key, base64url (65 bytes uncompressed)
    auth         varchar(40)   NOT NULL,         -- the browser's authentication secret, base64url (16 bytes)
    created_at   timestamptz   NOT NULL
);
CREATE INDEX push_subscription_recipient ON push_subscription (recipient_id);

-- Once per message and subscription whatever the redeliveries; the subscription may be gone (unsubscribed, or the
-- push service answered 404/410) before the delivery is due: it is then skipped, so no foreign key to it.
CREATE TABLE push_delivery (
    id              uuid PRIMARY KEY,
    notification_id uuid          NOT NULL REFERENCES notification (id),
    subscription_id uuid          NOT NULL,
    recipient_id    uuid          NOT NULL,
    text            varchar(200)  NOT NULL,
    urgent          boolean       NOT NULL DEFAULT false,
    ttl_seconds     integer       NOT NULL,
    state           varchar(20)   NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    last_error      varchar(1000),
    sent_at         timestamptz,
    created_at      timestamptz   NOT NULL,
    UNIQUE (notification_id, subscription_id)
);
CREATE INDEX push_delivery_due ON push_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX push_delivery_recipient ON push_delivery (recipient_id, created_at DESC);
