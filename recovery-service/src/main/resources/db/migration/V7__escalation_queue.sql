-- The escalation queue is read a page at a time with its true total, per tenant and status, soonest
-- deadline first (optionally one level first, or one owner's), at thousands of open escalations.
create index escalation_queue on escalation (tenant, status, due_at, id);
