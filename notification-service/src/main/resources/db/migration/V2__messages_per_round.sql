-- A reopened complaint is recovered again, and the customer hears about each round once.
alter table customer_message add column round int not null default 1;
alter table customer_message drop constraint customer_message_once;
alter table customer_message add constraint customer_message_once_per_round unique (complaint_id, kind, round);
