-- End to end per second of filing, from intake's own records: for each second, how many complaints
-- were received and the p99 from received to the first CUSTOMER_NOTIFIED on their timeline. Shows
-- how soon the flow is back to speed after a kill -9 (see README "Performance and reliability"):
--   psql -h 127.0.0.1 -U postgres -d intake -At -v from='2026-12-01 22:28:50+00' \
--        -v to='2026-12-01 22:29:40+00' -f load/e2e-per-second.sql
with notified as (
    select c.id, c.received_at, min(t.occurred_at) as notified_at
    from complaint c
    join timeline_entry t on t.complaint_id = c.id and t.event = 'CUSTOMER_NOTIFIED'
    where c.received_at between :'from' and :'to'
    group by c.id, c.received_at)
select date_trunc('second', received_at) as second, count(*) as complaints,
       round(extract(epoch from percentile_cont(0.99) within group (order by notified_at - received_at)) * 1000)
           as p99_ms
from notified
group by 1
order by 1;
