create table sales (id int primary key, region text, amount numeric(10,2));
create view big_sales as select id, region, amount from sales where amount > 100;
create materialized view region_totals as select region, sum(amount) as total from big_sales group by region;
create unique index region_totals_region on region_totals (region);
create materialized view stale as select id from sales with no data;
create materialized view gone as select 1 as one;
