-- The read model review-service keeps from complaint and recovery events, to match reviews to
-- customers and their cases later. Either event may arrive first, so every column they do not
-- both carry is nullable.
create table case_record (
    complaint_id      uuid primary key,
    tenant            text        not null,
    customer_id       text        not null,
    customer_name     text        not null,
    customer_email    text,
    order_reference   text,
    category          text,
    summary           text        not null,
    received_at       timestamptz,
    recovery_outcome  text,
    make_good_kind    text,
    make_good_amount  numeric(19, 4),
    currency          text,
    decided_at        timestamptz
);

create index case_record_by_customer on case_record (tenant, customer_id);
create index case_record_by_order on case_record (tenant, order_reference);
