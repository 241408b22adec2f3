-- CRMs subscribe to a complaint's status changes; every timeline entry is delivered to every
-- matching subscription, signed, in order per complaint, retried until it is received.
create table webhook_subscription (
    id          uuid primary key,
    tenant      text        not null,
    url         text        not null,
    -- Comma-separated webhook event types, e.g. complaint.received,complaint.customer_notified
    event_types text        not null,
    -- The HMAC key the receiver verifies signatures with; it must be readable to sign.
    secret      text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null
);

create index webhook_subscription_by_tenant on webhook_subscription (tenant) where active;

-- A timeline entry is fanned out to the subscriptions once, by whichever instance takes it first.
alter table timeline_entry add column fanned_out boolean not null default false;
create index timeline_entry_to_fan_out on timeline_entry (id) where not fanned_out;

create table webhook_delivery (
    id               bigserial primary key,
    subscription_id  uuid        not null references webhook_subscription (id),
    complaint_id     uuid        not null,
    event_id         uuid        not null unique,
    event_type       text        not null,
    body             text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    give_up_at       timestamptz not null,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    delivered_at     timestamptz
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, id);
create index webhook_delivery_in_order on webhook_delivery (subscription_id, complaint_id, id) where status = 'PENDING';
