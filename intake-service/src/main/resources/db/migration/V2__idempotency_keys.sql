-- A CRM's Idempotency-Key, per tenant: a retried POST finds the complaint its first attempt filed.
create table idempotency_key (
    tenant               text        not null,
    idempotency_key      text        not null,
    -- SHA-256 of the request as parsed, so the same key with a different body is recognised.
    request_fingerprint  text        not null,
    complaint_id         uuid references complaint (id),
    created_at           timestamptz not null,
    expires_at           timestamptz not null,
    primary key (tenant, idempotency_key)
);

create index idempotency_key_expiry on idempotency_key (expires_at);
