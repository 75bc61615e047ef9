-- The relay never blocks on one row: each failed attempt is recorded with its error and the time of the next try
-- (exponential backoff), and a row the broker keeps refusing is parked after homeprogram.outbox.max-attempts, so
-- later rows go on. Parked rows wait for an admin's retry (GET/POST <prefix>/outbox/parked…).
-- This file sorts before the services' own V1/V2: it runs on existing databases because commons' configuration sets
-- quarkus.flyway.out-of-order=true.
ALTER TABLE outbox_event
    ADD COLUMN last_error      varchar(1000),
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN parked_at       timestamptz;

-- The relay publishes a row only when no earlier row of the same aggregate (its Kafka key) is still pending: this
-- index answers that question for every candidate row.
CREATE INDEX outbox_event_pending_by_aggregate ON outbox_event (aggregate_id, seq)
    WHERE published_at IS NULL AND parked_at IS NULL;
