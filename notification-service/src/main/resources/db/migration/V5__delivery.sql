-- Messages are no longer "sent" when they are written: a dispatcher sends them over e-mail or SMS,
-- retries with backoff, and parks what keeps failing. due_at is when a message may next go out:
-- at once, at the end of the customer's quiet hours, on a follow-up's day, or at the next retry.
alter table customer_message rename column held_because to reason;
alter table customer_message add column locale text not null default 'en';
alter table customer_message add column time_zone text;
alter table customer_message add column html_body text;
alter table customer_message add column urgent boolean not null default true;
alter table customer_message add column due_at timestamptz;
alter table customer_message add column attempts int not null default 0;
alter table customer_message add column claimed_until timestamptz;
alter table customer_message add column provider_reference text;
alter table customer_message add column created_at timestamptz not null default now();
-- The trace of the event that caused the message, so that its customer.notified continues it.
alter table customer_message add column traceparent text;
update customer_message set due_at = coalesce(sent_at, created_at);
alter table customer_message alter column due_at set not null;
alter table customer_message alter column recipient drop not null;
create index customer_message_due on customer_message (due_at) where status = 'PENDING';
create index customer_message_status on customer_message (status, due_at);
create index customer_message_recipient on customer_message (recipient, sent_at);

-- What each customer told us about being contacted. No row: the CRM's preferred channel, both
-- channels allowed, the default quiet hours in the customer's time zone.
create table contact_preference (
    tenant            text        not null,
    customer_id       text        not null,
    preferred_channel text,
    email_allowed     boolean     not null default true,
    sms_allowed       boolean     not null default true,
    quiet_from        time,
    quiet_until       time,
    time_zone         text,
    changed_by        text        not null,
    changed_at        timestamptz not null,
    primary key (tenant, customer_id)
);

-- What this service knows of each complaint, from the recovery events: enough to write to the
-- customer later (a follow-up, a broken promise, a thank-you) without asking another service.
create table case_file (
    complaint_id  uuid primary key,
    tenant        text        not null,
    customer      jsonb       not null,
    summary       text        not null,
    round         int         not null,
    fault         text        not null,
    over_service  boolean     not null,
    make_goods    jsonb,
    updated_at    timestamptz not null
);

-- What we promised a customer by a date, and whether we kept it.
create table promise (
    id            uuid primary key,
    tenant        text        not null,
    complaint_id  uuid        not null,
    customer_id   text        not null,
    round         int         not null,
    kind          text        not null,
    subject       text        not null,
    make_good     jsonb,
    made_in       uuid        not null references customer_message (id),
    due_at        timestamptz not null,
    status        text        not null,
    resolved_at   timestamptz,
    -- The same promise is made once per round: a redelivered event does not promise it twice.
    constraint promise_once unique (complaint_id, round, kind, subject)
);
create index promise_open on promise (due_at) where status = 'OPEN';

-- The customer's answer to a follow-up, recorded once.
create table feedback (
    follow_up_id  uuid primary key references customer_message (id),
    tenant        text        not null,
    complaint_id  uuid        not null,
    round         int         not null,
    fixed         boolean     not null,
    channel       text        not null,
    answered_at   timestamptz not null
);
