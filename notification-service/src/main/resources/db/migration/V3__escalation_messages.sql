-- An escalation can miss more than one deadline in a round, and the customer hears about each:
-- occasion tells those messages apart (0 for every other kind).
alter table customer_message add column occasion int not null default 0;
alter table customer_message drop constraint customer_message_once_per_round;
alter table customer_message add constraint customer_message_once_per_occasion
    unique (complaint_id, kind, round, occasion);
