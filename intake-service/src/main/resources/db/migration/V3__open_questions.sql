-- What an agent still needs to know to understand the real problem (rule 1: ask, never guess).
create table complaint_question (
    id           uuid primary key,
    complaint_id uuid        not null references complaint (id),
    question     text        not null,
    asked_by     text        not null,
    asked_at     timestamptz not null,
    answer       text,
    answered_by  text,
    answered_at  timestamptz,
    constraint complaint_question_answered_fully check ((answer is null) = (answered_at is null))
);

create index complaint_question_by_complaint on complaint_question (complaint_id, asked_at);
