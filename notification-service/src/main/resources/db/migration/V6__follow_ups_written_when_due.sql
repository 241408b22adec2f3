-- A follow-up is written on its day, not when the make-good is given: the template, the customer's
-- preferences and opt-outs as they stand then apply. Until then only this row says it is due.
create table scheduled_follow_up (
    complaint_id uuid        not null,
    round        int         not null,
    tenant       text        not null,
    customer_id  text        not null,
    due_at       timestamptz not null,
    primary key (complaint_id, round)
);

create index scheduled_follow_up_due on scheduled_follow_up (due_at);
