-- Who confirmed a settlement: the signed-in caller (a billing integration, a supervisor).
alter table ledger_entry add column settled_by text;
