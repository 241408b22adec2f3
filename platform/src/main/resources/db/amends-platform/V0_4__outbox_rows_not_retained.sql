-- Some events must not outlive their delivery (an erasure request names the customer it erases):
-- the relay removes such a row as soon as Kafka has acknowledged it.
alter table amends_outbox add column retained boolean not null default true;
