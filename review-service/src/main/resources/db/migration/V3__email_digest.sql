-- The customer's e-mail address no longer reaches this service, only a digest of it (SHA-256 of
-- the trimmed, lower-cased address) to recognise a reviewer's; addresses kept so far become theirs.
alter table case_record rename column customer_email to customer_email_digest;
update case_record set customer_email_digest = encode(sha256(convert_to(lower(trim(customer_email_digest)), 'UTF8')), 'hex')
    where customer_email_digest is not null;
