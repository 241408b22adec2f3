-- What each recovery round gave, for the root-cause report to put amounts next to the tags.
create table made_good (
    recovery_id uuid primary key,
    complaint_id uuid not null references complaint (id) on delete cascade,
    amount numeric(19, 4) not null,
    currency text not null,
    issued_at timestamptz not null
);
create index made_good_by_complaint on made_good (complaint_id);
-- The console lists a tenant's complaints newest first and by date.
create index complaint_by_received on complaint (tenant, received_at, id);
create index complaint_by_order on complaint (tenant, order_reference);
