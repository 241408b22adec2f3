create table recovery (
    id                 uuid primary key,
    tenant             text        not null,
    complaint_id       uuid        not null unique,
    customer_id        text        not null,
    outcome            text        not null,
    fault              text        not null,
    -- The apology's parts in order, comma-separated (REGRET,RESTITUTION,...).
    apology            text        not null,
    make_good_kind     text,
    make_good_amount   numeric(19, 4),
    currency           text,
    authority          text        not null,
    escalation_level   text,
    escalation_owner   text,
    escalation_due_at  timestamptz,
    -- Why: one plain-language line per rule that fired.
    rationale          text        not null,
    decided_at         timestamptz not null
);

create index recovery_by_customer on recovery (tenant, customer_id, decided_at);
