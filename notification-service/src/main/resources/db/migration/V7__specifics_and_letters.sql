-- What a message may refer to besides the summary: the order, what went wrong, what was asked for.
alter table case_file add column specifics jsonb;
-- The whole letter an SMS links to.
alter table customer_message add column letter_html text;
