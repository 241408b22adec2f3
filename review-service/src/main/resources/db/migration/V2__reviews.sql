-- What a public counterpoint may rest on: whose fault the complaint was, and each thing we did.
-- A fact's id is the id it has where it was recorded (the message id, the ledger entry id), and
-- source names that record, so an approver can check it.
alter table case_record add column fault text;

create table case_fact (
    id             uuid primary key,
    complaint_id   uuid        not null,
    kind           text        not null,
    detail         text,
    occurred_at    timestamptz not null,
    source         text        not null
);

create index case_fact_by_complaint on case_fact (complaint_id, occurred_at);
create index case_record_by_email on case_record (tenant, lower(customer_email));

-- One row per review on its platform; a repeated delivery updates it, an edit adds a revision.
create table review (
    id                  uuid primary key,
    tenant              text        not null,
    platform            text        not null,
    platform_review_id  text        not null,
    rating              integer     not null,
    author_name         text        not null,
    text                text        not null,
    written_at          timestamptz not null,
    updated_at          timestamptz not null,
    order_reference     text,
    author_email        text,
    received_at         timestamptz not null,
    match_strength      text        not null,
    match_confidence    numeric(3, 2) not null,
    match_reason        text        not null,
    customer_id         text,
    complaint_id        uuid,
    matched_by          text,
    status              text        not null,
    response_text       text        not null,
    response_version    integer     not null,
    -- JSON as the API writes it (sentences with their rules, counterpoints with their evidence).
    draft               text        not null,
    findings            text        not null,
    edited_by           text,
    edited_at           timestamptz,
    approved_by         text,
    approved_at         timestamptz,
    rejected_by         text,
    rejection_reason    text,
    publish_attempts    integer     not null default 0,
    next_attempt_at     timestamptz,
    claimed_until       timestamptz,
    publish_error       text,
    published_at        timestamptz,
    published_by        text,
    unique (tenant, platform, platform_review_id)
);

create index review_queue on review (status, written_at);
create index review_due on review (next_attempt_at) where status = 'APPROVED';

create table review_revision (
    review_id    uuid        not null references review (id),
    revision     integer     not null,
    rating       integer     not null,
    text         text        not null,
    edited_at    timestamptz not null,
    received_at  timestamptz not null,
    primary key (review_id, revision)
);
