-- Each tenant has its own policy and history. The history written before policies were per tenant
-- becomes the history of every tenant that has recoveries, so each keeps deciding by the policy it
-- was deciding by; a tenant not seen yet starts from the shipped default when it first needs one.
alter table policy_version add column tenant text;
insert into policy_version (tenant, version, name, source, checksum, activated_at, activated_by)
select t.tenant, p.version, p.name, p.source, p.checksum, p.activated_at, p.activated_by
from policy_version p cross join (select distinct tenant from recovery) t
where p.tenant is null;
delete from policy_version where tenant is null;
alter table policy_version alter column tenant set not null;
alter table policy_version drop constraint policy_version_pkey;
alter table policy_version add primary key (tenant, version);
