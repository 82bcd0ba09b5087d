create table orders (id int not null, placed date not null, amount int, customer int) partition by range (placed);
create table orders_2025 partition of orders for values from ('2025-01-01') to ('2026-01-01');
create table orders_2026 partition of orders for values from ('2026-01-01') to ('2027-01-01');
alter table orders add primary key (id, placed);
create table customers (id int primary key);
create view big_orders as select id, amount from orders where amount > 100;
create function orders_trg() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger orders_trg before insert on orders for each row execute function orders_trg();
-- a partition's own default on a column whose type changes: dropped
-- before the change (it cannot be cast), set again after
create type mood as enum ('sad', 'ok');
create table moods (id int, region text, m text default 'x') partition by list (region);
create table moods_eu partition of moods for values in ('eu');
alter table moods_eu alter column m set default 'y';
