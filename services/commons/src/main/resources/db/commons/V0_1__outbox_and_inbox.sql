-- Shared by every service: the transactional outbox and the processed-message inbox.
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial   NOT NULL UNIQUE,
    topic        varchar(100) NOT NULL,
    aggregate_id uuid        NOT NULL,
    type         varchar(100) NOT NULL,
    payload      text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE processed_message (
    message_id   uuid        NOT NULL,
    consumer     varchar(100) NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
