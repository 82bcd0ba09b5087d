create table sales (id bigint primary key, region text, amount numeric(14,2));
create view big_sales as select id, region, amount from sales where amount > 100;
create materialized view region_totals as select region, sum(amount) as total from big_sales group by region;
create unique index region_totals_region on region_totals (region);
create index region_totals_total on region_totals (total desc);
create materialized view stale with (fillfactor = 70) as select id, region from sales with no data;
comment on materialized view stale is 'refreshed nightly';
