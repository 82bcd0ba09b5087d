-- a.sql, each statistics object changed (see there).
create schema stats;
create table public.orders (
    id int primary key, customer int, region text, city text, total bigint,
    placed date
);
create materialized view public.order_totals as select customer, region, sum(total) as total
    from public.orders group by customer, region;
create statistics public.orders_kinds (ndistinct, mcv) on customer, region from public.orders;
create statistics public.orders_expr on lower(city), upper(region) from public.orders;
alter statistics public.orders_expr set statistics 300;
create statistics public.orders_same (ndistinct, mcv) on region, city from public.orders;
comment on statistics public.orders_same is 'region, then city';
create statistics public.orders_total on total, customer from public.orders;
alter statistics public.orders_total set statistics 75;
create statistics public.orders_year on (extract(year from placed)) from public.orders;
-- new: on a materialized view, in another schema
create statistics stats.totals_new (dependencies) on customer, region from public.order_totals;
alter statistics stats.totals_new set statistics 10;
comment on statistics stats.totals_new is 'new';
