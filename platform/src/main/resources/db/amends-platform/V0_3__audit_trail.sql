-- The audit trail: every decision a person takes (approvals, declines, policy changes, response
-- edits, erasures, key changes), who took it, when, and the state before and after. Rows are only
-- ever added: the trigger below refuses to change or remove one, whoever asks.
create table amends_audit_entry (
    id           bigserial   primary key,
    recorded_at  timestamptz not null,
    tenant       text        not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    before       jsonb,
    after        jsonb
);

create index amends_audit_by_subject on amends_audit_entry (tenant, subject_type, subject_id, id);

create function amends_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % is not allowed', tg_op;
end;
$$;

create trigger amends_audit_entry_append_only
    before update or delete or truncate on amends_audit_entry
    for each statement execute function amends_audit_append_only();
