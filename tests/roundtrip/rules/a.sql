-- Rules other than views' own, and each change to them (b.sql).
create table public.orders (id int primary key, total numeric, status text);
create table public.orders_log (id int, total numeric, action text);
create table public.archive (id int, total numeric);
create view public.open_orders as select id, total from public.orders where status = 'open';
-- its WHERE changes; a column it writes changes type (rebuilt around it)
create rule log_insert as on insert to public.orders
    do also insert into public.orders_log values (new.id, new.total, 'insert');
-- kept alike; disabled in b.sql
create rule keep_archive as on delete to public.archive do instead nothing;
-- several actions; only here
create rule log_update as on update to public.orders do also (
    insert into public.orders_log values (old.id, old.total, 'old');
    insert into public.orders_log values (new.id, new.total, 'new')
);
-- on a view; its comment changes
create rule open_insert as on insert to public.open_orders
    do instead insert into public.orders values (new.id, new.total, 'open');
comment on rule open_insert on public.open_orders is 'insert through the view';
-- enabled always here, for replicas only in b.sql
create rule archive_update as on update to public.archive do instead nothing;
alter table public.archive enable always rule archive_update;
-- a column whose enum type is swapped for a new one (labels reordered in
-- b.sql): the rule that reads it is rebuilt around the swap
create type public.mood as enum ('calm', 'busy');
create table public.desks (id int, mood public.mood);
create rule desks_keep as on update to public.desks where new.mood is null do instead nothing;
