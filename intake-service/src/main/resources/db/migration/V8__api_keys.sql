-- API keys for CRM integrations that cannot fetch OAuth tokens. Only a hash of each key is kept:
-- the key itself is shown once, when it is issued.
create table api_key (
    id          uuid        primary key,
    tenant      text        not null,
    client      text        not null,
    -- The key's public part, to find its row without comparing hashes of every key.
    lookup      text        not null unique,
    secret_hash bytea       not null,
    scopes      text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    replaced_by uuid        references api_key (id)
);
create index api_key_by_tenant on api_key (tenant, created_at);
