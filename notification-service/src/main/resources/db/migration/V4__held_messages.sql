-- A message that fails the tone check is held for a person instead of sent: it has no sent_at,
-- and held_because names each phrase and the rule it breaks.
alter table customer_message add column status text not null default 'SENT';
alter table customer_message add column held_because text;
alter table customer_message alter column sent_at drop not null;
