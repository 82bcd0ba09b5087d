-- Extended statistics, and each change to them (b.sql).
create schema stats;
create table public.orders (
    id int primary key, customer int, region text, city text, total numeric,
    note text, placed date
);
create materialized view public.order_totals as select customer, region, sum(total) as total
    from public.orders group by customer, region;
-- kinds change
create statistics public.orders_kinds (dependencies) on customer, region from public.orders;
-- expressions change; target set, then changed
create statistics public.orders_expr on lower(city), region from public.orders;
alter statistics public.orders_expr set statistics 200;
-- kept alike, its target goes back to the default
create statistics public.orders_same (ndistinct, mcv) on region, city from public.orders;
alter statistics public.orders_same set statistics 50;
comment on statistics public.orders_same is 'region and city';
-- a column it uses goes: the statistics go first
create statistics public.orders_note on note, region from public.orders;
-- a column it uses changes type: the server would rebuild them without
-- their target, so the plan does
create statistics public.orders_total on total, customer from public.orders;
alter statistics public.orders_total set statistics 75;
-- in another schema than its table's; only here
create statistics stats.orders_gone (mcv) on customer, placed from public.orders;
-- one expression alone
create statistics public.orders_year on (extract(year from placed)) from public.orders;
