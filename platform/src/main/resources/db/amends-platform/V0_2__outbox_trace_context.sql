-- The W3C traceparent of the work that wrote the event, so the relay, which publishes later on
-- its own thread, can carry the same trace on to the consumers: one complaint, one trace.
alter table amends_outbox add column traceparent text;
