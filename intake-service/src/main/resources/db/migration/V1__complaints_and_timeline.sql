create table complaint (
    id                 uuid primary key,
    tenant             text        not null,
    customer_id        text        not null,
    customer_name      text        not null,
    customer_email     text,
    customer_phone     text,
    preferred_channel  text        not null,
    locale             text        not null,
    time_zone          text,
    tier               text,
    received_via       text        not null,
    category           text        not null,
    summary            text        not null,
    -- The customer's own words, exactly as sent (rule 1). Never trimmed or normalised.
    story              text        not null,
    desired_outcome    text,
    order_reference    text,
    amount_at_stake    numeric(19, 4),
    currency           text,
    occurred_at        timestamptz,
    crm_reference      text,
    status             text        not null,
    received_at        timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0,
    constraint complaint_amount_has_currency check ((amount_at_stake is null) = (currency is null))
);

create index complaint_by_customer on complaint (tenant, customer_id, received_at);

create table timeline_entry (
    id           bigserial primary key,
    complaint_id uuid        not null references complaint (id),
    stage        text        not null,
    event        text        not null,
    occurred_at  timestamptz not null,
    actor        text        not null,
    detail       text
);

create index timeline_entry_by_complaint on timeline_entry (complaint_id, occurred_at, id);
