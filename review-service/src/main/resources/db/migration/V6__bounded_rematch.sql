-- Matching reads only the records that can match, through indexes, however many share a first name.
--
-- A case record's first name (as ReviewMatcher.plain compares names): a review's candidates are the
-- cases with its order reference or e-mail, or with its author's first name within the window;
-- never every case filed in the window.
alter table case_record add column customer_first_name text;
-- A review's whole name, as matching compares names: an arriving case looks up the reviews whose
-- author's name is the customer's, or the customer's first name and initial ("Maria G."), rather
-- than every review by someone with the same first name.
alter table review add column author_name_key text;

-- The same normalisation as ReviewMatcher.plain for the names already held: decomposed, marks gone,
-- lower case, letters, digits and single spaces.
update case_record set customer_first_name = split_part(btrim(regexp_replace(regexp_replace(regexp_replace(
    lower(normalize(customer_name, NFD)), '[\u0300-\u036f]', '', 'g'), '[^[:alnum:][:space:]]', '', 'g'),
    '\s+', ' ', 'g')), ' ', 1);
update review set author_name_key = btrim(regexp_replace(regexp_replace(regexp_replace(
    lower(normalize(author_name, NFD)), '[\u0300-\u036f]', '', 'g'), '[^[:alnum:][:space:]]', '', 'g'),
    '\s+', ' ', 'g'));

-- The e-mail index of V2 was on lower() of the address, which became its digest (V3): compared as is.
drop index case_record_by_email;
drop index case_record_by_order;
create index case_record_by_first_name on case_record (tenant, customer_first_name, received_at);
create index case_record_by_email on case_record (tenant, customer_email_digest);
create index case_record_by_order on case_record (tenant, lower(order_reference));

drop index review_unmatched_by_name;
alter table review drop column author_first_name;
create index review_unmatched_by_name on review (tenant, author_name_key, written_at) where match_strength in ('NONE', 'WEAK');
