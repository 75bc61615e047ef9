-- Issue #14: the reminder for a due questionnaire. MeasureDueAnnouncer records here each (schedule, occasion) whose
-- MeasureDue event it wrote to the outbox, in the same transaction: the primary key makes it once per occasion, with
-- several replicas scanning and after a crash (an uncommitted announcement left no row and no event).
CREATE TABLE measure_due_announcement (
    schedule_id  uuid         NOT NULL REFERENCES measure_schedule (id),
    occasion     varchar(20)  NOT NULL,
    due_from     date         NOT NULL,
    event_id     uuid         NOT NULL,
    announced_at timestamptz  NOT NULL,
    PRIMARY KEY (schedule_id, occasion)
);
