-- Who can be reached how, projected from patient-events.
CREATE TABLE recipient (
    id             uuid PRIMARY KEY,          -- the person's Keycloak sub
    email          varchar(254),
    time_zone      varchar(64) NOT NULL DEFAULT 'UTC',
    quiet_start    varchar(5)  NOT NULL DEFAULT '21:00',
    quiet_end      varchar(5)  NOT NULL DEFAULT '08:00',
    email_enabled  boolean     NOT NULL DEFAULT true,
    in_app_enabled boolean     NOT NULL DEFAULT true,
    status         varchar(20) NOT NULL DEFAULT 'ACTIVE',
    updated_at     timestamptz NOT NULL
);

-- The in-app inbox. One notification per (source event, kind, recipient), whatever the redeliveries.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    recipient_id    uuid         NOT NULL,
    kind            varchar(40)  NOT NULL,
    title           varchar(200) NOT NULL,
    body            text         NOT NULL,
    link            varchar(500),
    source_event_id uuid,
    created_at      timestamptz  NOT NULL,
    read_at         timestamptz,
    UNIQUE (source_event_id, kind, recipient_id)
);
CREATE INDEX notification_inbox ON notification (recipient_id, created_at DESC);

-- The email delivery log: every attempt counted, retried with backoff, a visible final state.
CREATE TABLE email_delivery (
    id              uuid PRIMARY KEY,
    notification_id uuid         NOT NULL REFERENCES notification (id),
    recipient_id    uuid         NOT NULL,
    subject         varchar(200) NOT NULL,
    body            text         NOT NULL,
    state           varchar(20)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(1000),
    sent_at         timestamptz,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE state = 'PENDING';
