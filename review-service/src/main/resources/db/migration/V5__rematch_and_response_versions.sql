-- A review that arrives before its case record is matched again when the record arrives: by the
-- order reference, the e-mail address's digest, or the first name within the window. Each is a
-- column so that the lookup per arriving complaint reads an index, not every waiting review.
alter table review add column author_email_digest text;
alter table review add column author_first_name text;
-- The language the review is written in, which its draft is written in.
alter table review add column language text not null default 'EN';
update review set author_email_digest = encode(sha256(convert_to(lower(btrim(author_email)), 'UTF8')), 'hex')
    where author_email is not null;
update review set author_first_name = lower(split_part(btrim(author_name), ' ', 1));

create index review_unmatched_by_order on review (tenant, lower(order_reference)) where match_strength in ('NONE', 'WEAK');
create index review_unmatched_by_email on review (tenant, author_email_digest) where match_strength in ('NONE', 'WEAK');
create index review_unmatched_by_name on review (tenant, author_first_name, written_at) where match_strength in ('NONE', 'WEAK');
create index review_by_complaint on review (complaint_id) where complaint_id is not null;

-- Every text a response has had: drafted, redrafted when the record changed, or edited by a person.
-- An approver sees what changed between them; the newest is what is approved unless they choose.
create table response_version (
    review_id   uuid        not null references review (id),
    version     integer     not null,
    text        text        not null,
    draft       text        not null,
    findings    text        not null,
    cause       text        not null,
    written_by  text,
    written_at  timestamptz not null,
    primary key (review_id, version)
);

insert into response_version (review_id, version, text, draft, findings, cause, written_by, written_at)
select id, response_version, response_text, draft, findings, 'the response as it stood when versions began to be kept',
       edited_by, coalesce(edited_at, received_at)
from review;
