-- What a message may refer to, read from the complaint once when it is filed (closed lists only).
alter table complaint add column specifics jsonb;
