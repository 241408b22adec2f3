-- Kafka is the log: the relay deletes each row as soon as Kafka has acknowledged its event, so the
-- outbox holds only what is still to be sent, and nothing stamps, keeps or sweeps published rows.
delete from amends_outbox where published_at is not null;
drop index amends_outbox_unpublished;
alter table amends_outbox drop column published_at, drop column retained;
