create schema api;
create table orders (id int primary key, total numeric, customer text);
create function add(a int, b int) returns int language sql immutable parallel safe as 'select a + b + 0';
create function api.order_total(o orders) returns numeric language sql stable as $$ select coalesce(o.total, 0) $$;
create function api.touch() returns trigger language plpgsql as $$
begin
  new.total := coalesce(new.total, 1);
  return new;
end $$;
create function "Weird ""name"""(x text) returns text language sql as $$ select x || '?' $$;
create procedure api.cleanup(days int, dry boolean default false) language plpgsql as $$ begin if not dry then delete from orders where id < days; end if; end $$;
create function secure_thing() returns int language sql security invoker set search_path = pg_catalog, public volatile as $$ select 1 $$;
create function new_only(x int default 3, out y int, out z text) language sql as $$ select x, 'z' $$;
create table api.items (id int, name text);
create function uses_new_table() returns setof api.items language sql begin atomic select * from api.items; end;
comment on function add(int, int) is 'adds numbers';
create function uses_table() returns setof orders language sql as $$ select * from orders where total > 0 $$;
create function returns_changes() returns bigint language sql as $$ select 1::bigint $$;
