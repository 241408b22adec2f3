-- The paying system (billing, payments, the warehouse) confirms when a make-good reached the
-- customer; notification-service tells them, and keeps the promise it made about the date.
alter table ledger_entry add column settled_at timestamptz;
alter table ledger_entry add column settlement_reference text;
-- A settlement is announced with the customer and the complaint's summary, as every recovery event is.
alter table recovery add column customer text;
alter table recovery add column summary text;
