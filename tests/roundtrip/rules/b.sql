-- a.sql, each rule changed (see there).
create table public.orders (id int primary key, total numeric, status text);
create table public.orders_log (id int, total bigint, action text);
create table public.archive (id int, total numeric);
create view public.open_orders as select id, total from public.orders where status = 'open';
create rule log_insert as on insert to public.orders where new.total > 0
    do also insert into public.orders_log values (new.id, new.total, 'insert');
create rule keep_archive as on delete to public.archive do instead nothing;
alter table public.archive disable rule keep_archive;
create rule open_insert as on insert to public.open_orders
    do instead insert into public.orders values (new.id, new.total, 'open');
comment on rule open_insert on public.open_orders is 'insert through it';
create rule archive_update as on update to public.archive do instead nothing;
alter table public.archive enable replica rule archive_update;
-- new: on a view, and on a table, disabled
create rule open_delete as on delete to public.open_orders
    do instead delete from public.orders where id = old.id;
create rule log_delete as on delete to public.orders
    do also insert into public.orders_log values (old.id, old.total, 'delete');
alter table public.orders disable rule log_delete;
create type public.mood as enum ('busy', 'calm');
create table public.desks (id int, mood public.mood);
create rule desks_keep as on update to public.desks where new.mood is null do instead nothing;
