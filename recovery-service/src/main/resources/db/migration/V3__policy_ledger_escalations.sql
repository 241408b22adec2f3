-- Every version of the restitution and credit policy ever activated; the highest version is active.
create table policy_version (
    version       int primary key,
    name          text        not null,
    source        text        not null,
    checksum      text        not null,
    activated_at  timestamptz not null,
    activated_by  text        not null
);

-- Version 0 is the starter policy that decided recoveries before policies were versioned.
alter table recovery add column policy_version int not null default 0;
alter table recovery add column rule text;
-- The make-good's parts as JSON ([{kind, value: {amount, currency}, description}]); the
-- make_good_* columns hold the whole.
alter table recovery add column make_goods text not null default '[]';
alter table recovery add column over_service boolean not null default false;

-- A recovery waiting for a person: who owns it now, by when, and how it ended.
create table escalation (
    id            uuid primary key,
    tenant        text        not null,
    recovery_id   uuid        not null unique references recovery (id),
    complaint_id  uuid        not null,
    round         int         not null,
    customer_id   text        not null,
    -- The customer as the CRM knows them (JSON), for the messages that follow the escalation.
    customer      text        not null,
    summary       text        not null,
    level         text        not null,
    owner         text        not null,
    due_at        timestamptz not null,
    over_service  boolean     not null,
    proposed      text        not null,
    status        text        not null,
    expiries      int         not null default 0,
    opened_at     timestamptz not null,
    resolved_at   timestamptz,
    resolved_by   text,
    resolution    text
);
create index escalation_open_by_due on escalation (due_at) where status = 'OPEN';
create index escalation_by_complaint on escalation (complaint_id);

-- The ledger: one line per make-good part issued. The unique key makes a second write of the same
-- recovery's make-good (a redelivery, a race between instances, a double click) a no-op.
create table ledger_entry (
    id              uuid primary key,
    tenant          text          not null,
    customer_id     text          not null,
    complaint_id    uuid          not null,
    recovery_id     uuid          not null references recovery (id),
    part            int           not null,
    kind            text          not null,
    amount          numeric(19, 4) not null,
    currency        text          not null,
    description     text          not null,
    policy_version  int           not null,
    authority       text          not null,
    approved_by     text          not null,
    escalation_id   uuid,
    issued_at       timestamptz   not null,
    constraint ledger_entry_once unique (recovery_id, part)
);
create index ledger_by_customer on ledger_entry (tenant, customer_id, issued_at);
create index ledger_by_complaint on ledger_entry (complaint_id);
