-- Offline session logs (docs/api-contract.md, "Idempotency-Key"): a log the patient's device sends again after a lost
-- connection carries the key it made for it, and plan-service answers with the outcome it gave the first time instead
-- of storing a second session. Keys belong to the patient who sent them (another patient's same key is another
-- key) and are kept for homeprogram.sessions.idempotency-retention (7 days by default), then purged.
CREATE TABLE session_idempotency_key (
    patient_id   uuid         NOT NULL,
    client_key   varchar(100) NOT NULL,
    -- SHA-256 of the plan and what the patient reported: the same key with another body is refused (422).
    request_hash char(64)     NOT NULL,
    -- The SessionOutcome answered the first time (written in the same transaction as the session).
    outcome      jsonb,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    PRIMARY KEY (patient_id, client_key)
);
CREATE INDEX session_idempotency_key_expiry ON session_idempotency_key (expires_at);
