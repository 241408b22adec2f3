-- A review whose name fits too many customers (AMBIGUOUS) still waits for its order reference or e-mail.
drop index review_unmatched_by_order;
drop index review_unmatched_by_email;
create index review_unmatched_by_order on review (tenant, lower(order_reference))
    where match_strength in ('NONE', 'WEAK', 'AMBIGUOUS');
create index review_unmatched_by_email on review (tenant, author_email_digest)
    where match_strength in ('NONE', 'WEAK', 'AMBIGUOUS');

-- The reviews taken in while a batch of case records ran, looked at again after each batch commits.
create index review_unmatched_by_arrival on review (tenant, received_at)
    where match_strength in ('NONE', 'WEAK', 'AMBIGUOUS');
