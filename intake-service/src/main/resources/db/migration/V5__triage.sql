-- Triage at intake: severity, over-service, root causes, and the rules that decided them.
alter table complaint add column severity text not null default 'MEDIUM';
alter table complaint add column over_service boolean not null default false;
alter table complaint add column root_causes text not null default '';
alter table complaint add column triage_rationale text not null default '';

create index complaint_by_root_cause on complaint using gin (string_to_array(root_causes, ','));
