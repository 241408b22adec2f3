-- Whose fault it was, when the agent established it; it decides which parts of the apology are honest.
alter table complaint add column fault text not null default 'UNKNOWN';
