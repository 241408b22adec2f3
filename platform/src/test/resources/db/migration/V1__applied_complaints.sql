-- What the test application's consumer applied, in the order it applied it.
create table applied_complaint (
    position     bigserial primary key,
    complaint_id uuid not null,
    customer_id  text not null,
    summary      text not null
);
