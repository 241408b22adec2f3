-- A reopened complaint is recovered again: one recovery per complaint and round.
alter table recovery add column round int not null default 1;
alter table recovery drop constraint recovery_complaint_id_key;
alter table recovery add constraint recovery_once_per_round unique (complaint_id, round);
