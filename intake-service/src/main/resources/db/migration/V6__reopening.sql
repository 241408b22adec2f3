-- Each reopening starts a new recovery round; events of an earlier round no longer move the status.
alter table complaint add column round int not null default 1;
