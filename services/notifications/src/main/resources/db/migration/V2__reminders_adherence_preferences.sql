-- Reminders in the patient's time zone, catch-up nudges, non-adherence, therapist notices, preferences
-- (docs/notifications.md).

-- Who a recipient is, and which change of their settings is the latest (an older event never undoes a newer edit).
ALTER TABLE recipient ADD COLUMN role varchar(20) NOT NULL DEFAULT 'patient';
ALTER TABLE recipient ADD COLUMN contact_as_of timestamptz;
ALTER TABLE recipient ADD COLUMN preferences_as_of timestamptz;

-- The in-app channel is a flag on the message (an opted-out person still has the delivery log of their emails);
-- therapist notices carry a severity and what they are about, so an acknowledgement marks them handled.
ALTER TABLE notification ADD COLUMN in_app boolean NOT NULL DEFAULT true;
ALTER TABLE notification ADD COLUMN severity varchar(10);
ALTER TABLE notification ADD COLUMN subject_id uuid;
ALTER TABLE notification ADD COLUMN handled_at timestamptz;
CREATE INDEX notification_subject ON notification (subject_id) WHERE subject_id IS NOT NULL;

-- CRITICAL notices go out at once; every other email waits for the end of the recipient's quiet hours.
ALTER TABLE email_delivery ADD COLUMN urgent boolean NOT NULL DEFAULT false;
CREATE INDEX email_delivery_recipient ON email_delivery (recipient_id, created_at DESC);
CREATE INDEX email_delivery_notification ON email_delivery (notification_id);

-- The plans, projected from plan-events: enough to materialise reminders without asking plan-service.
CREATE TABLE plan_schedule (
    plan_id      uuid PRIMARY KEY,
    patient_id   uuid        NOT NULL,
    therapist_id uuid,
    version      integer     NOT NULL,
    status       varchar(20) NOT NULL,
    start_date   date        NOT NULL,
    active_since timestamptz,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX plan_schedule_patient ON plan_schedule (patient_id);
CREATE INDEX plan_schedule_active ON plan_schedule (plan_id) WHERE status = 'ACTIVE';

CREATE TABLE plan_schedule_item (
    item_id       uuid PRIMARY KEY,
    plan_id       uuid         NOT NULL REFERENCES plan_schedule (plan_id) ON DELETE CASCADE,
    start_week    integer      NOT NULL,
    weeks         integer      NOT NULL,
    days_of_week  varchar(100) NOT NULL,
    times_per_day integer      NOT NULL,
    state         varchar(20)  NOT NULL
);
CREATE INDEX plan_schedule_item_plan ON plan_schedule_item (plan_id);

-- The latest logged session per plan (SessionLogged); catch-up nudges and adherence read it.
CREATE TABLE session_activity (
    plan_id         uuid PRIMARY KEY,
    patient_id      uuid        NOT NULL,
    last_session_at timestamptz NOT NULL
);

-- Reminders materialised a few days ahead; one per plan, local day, slot and kind whoever materialises it;
-- claimed by dispatchers with FOR UPDATE SKIP LOCKED.
CREATE TABLE reminder (
    id              uuid PRIMARY KEY,
    recipient_id    uuid         NOT NULL,
    plan_id         uuid         NOT NULL,
    local_date      date         NOT NULL,
    slot            integer      NOT NULL,
    kind            varchar(20)  NOT NULL,
    due_at          timestamptz  NOT NULL,
    state           varchar(20)  NOT NULL,
    outcome         varchar(200),
    notification_id uuid,
    handled_at      timestamptz,
    created_at      timestamptz  NOT NULL,
    UNIQUE (plan_id, local_date, slot, kind)
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE state = 'PENDING';
CREATE INDEX reminder_plan ON reminder (plan_id, due_at);
CREATE INDEX reminder_recipient ON reminder (recipient_id) WHERE state = 'PENDING';

-- Non-adherence per plan, as the therapist sees it.
CREATE TABLE adherence (
    plan_id          uuid PRIMARY KEY,
    patient_id       uuid        NOT NULL,
    therapist_id     uuid,
    level            varchar(20) NOT NULL,
    last_activity_at timestamptz NOT NULL,
    level_since      timestamptz NOT NULL
);
CREATE INDEX adherence_therapist ON adherence (therapist_id, level_since DESC);
