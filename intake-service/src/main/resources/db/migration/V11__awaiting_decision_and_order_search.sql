-- A complaint whose escalation waits for a person's decision says so in its status (ESCALATED),
-- whatever the customer has been told meanwhile, and links to that escalation.
alter table complaint add column escalation_id uuid;
alter table complaint add column awaiting_decision boolean not null default false;

-- Complaints already waiting: the last escalation of their current round has no make-good issued
-- or decline after it on the timeline.
update complaint c set awaiting_decision = true, status = 'ESCALATED'
where c.status in ('ESCALATED', 'CUSTOMER_NOTIFIED')
  and exists (select 1 from timeline_entry e where e.complaint_id = c.id and e.event = 'ESCALATED')
  and not exists (
      select 1 from timeline_entry d where d.complaint_id = c.id
        and d.event in ('MAKE_GOOD_ISSUED', 'ESCALATION_DECLINED', 'REOPENED')
        and d.occurred_at > (select max(e.occurred_at) from timeline_entry e
                             where e.complaint_id = c.id and e.event = 'ESCALATED'));

-- Order search ignores case and finds a reference by its beginning, or by its digits anywhere
-- ("3001" finds ORD-UX-3001).
alter table complaint add column order_digits text
    generated always as (nullif(regexp_replace(coalesce(order_reference, ''), '[^0-9]', '', 'g'), '')) stored;
create index complaint_by_order_prefix on complaint (tenant, lower(order_reference) text_pattern_ops);
create index complaint_by_status on complaint (tenant, status, received_at);

-- When the customer first heard from us: the time to the first message is measured once, however
-- many messages a waiting escalation brings.
alter table complaint add column first_notified_at timestamptz;
update complaint c set first_notified_at = (select min(e.occurred_at) from timeline_entry e
                                           where e.complaint_id = c.id and e.event = 'CUSTOMER_NOTIFIED');
