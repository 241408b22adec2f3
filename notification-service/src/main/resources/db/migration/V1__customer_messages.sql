create table customer_message (
    id            uuid primary key,
    tenant        text        not null,
    complaint_id  uuid        not null,
    customer_id   text        not null,
    kind          text        not null,
    channel       text        not null,
    recipient     text        not null,
    subject       text        not null,
    body          text        not null,
    sent_at       timestamptz not null,
    -- One message of each kind per complaint: a redelivered decision never messages the customer twice.
    constraint customer_message_once unique (complaint_id, kind)
);
