-- Each outbox row keeps the trace context of the transaction that wrote it (W3C Trace Context: traceparent is
-- "00-<trace id>-<span id>-<flags>", 55 characters; tracestate is the vendors' list, at most 32 entries). The relay
-- publishes the row as a child of that context and sends it in the record's traceparent/tracestate headers, so the
-- consumer's span joins the trace of the request that caused the event (docs/architecture.md, "Tracing"), however long
-- the row waited. Null for rows written outside any trace and for rows written before this migration.
-- This file sorts before the services' own migrations: it runs on existing databases because commons' configuration
-- sets quarkus.flyway.out-of-order=true.
ALTER TABLE outbox_event
    ADD COLUMN traceparent varchar(55),
    ADD COLUMN tracestate  varchar(512);
