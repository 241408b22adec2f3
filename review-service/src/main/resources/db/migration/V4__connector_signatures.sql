-- Each signature a connector's push was accepted with, while it is recent enough to be accepted:
-- the same signature again is a replay and is refused.
create table pushed_signature (
    signature  text        primary key,
    tenant     text        not null,
    signed_at  timestamptz not null
);
create index pushed_signature_by_age on pushed_signature (signed_at);
