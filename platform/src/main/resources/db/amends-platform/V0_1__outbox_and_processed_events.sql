-- Owned by amends-platform and applied into every service's database next to the service's own
-- migrations. Platform versions are 0.x so they never collide with a service's own V1, V2, ...

-- Transactional outbox: a state change and the events announcing it commit in one transaction.
-- The relay publishes rows in id order and stamps published_at once Kafka acknowledged them.
create table amends_outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    tenant       text        not null,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    subject      text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);

create index amends_outbox_unpublished on amends_outbox (id) where published_at is null;

-- Wakes the relay as soon as a transaction that wrote to the outbox commits (NOTIFY is delivered
-- on commit), so events leave within milliseconds instead of waiting for the next poll.
create function amends_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('amends_outbox', '');
    return null;
end;
$$;

create trigger amends_outbox_inserted
    after insert on amends_outbox
    for each statement execute function amends_outbox_notify();

-- Idempotent consumers: an event id is recorded in the same transaction as the state change it
-- caused, so a redelivered event is recognised and skipped.
create table amends_processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
