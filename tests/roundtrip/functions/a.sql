create schema api;
create table orders (id int primary key, total numeric, customer text);
create function add(a int, b int) returns int language sql immutable as 'select a + b';
create function api.order_total(o orders) returns numeric language sql stable as $$ select o.total $$;
create function api.touch() returns trigger language plpgsql as $$
begin
  new.total := coalesce(new.total, 0);
  return new;
end $$;
create function "Weird ""name"""(x text) returns text language sql as $$ select x || '!' $$;
create procedure api.cleanup(days int) language plpgsql as $$ begin delete from orders where id < days; end $$;
create function secure_thing() returns int language sql security definer set search_path = public as $$ select 1 $$;
create function old_only() returns void language sql as $$ select $$;
comment on function add(int, int) is 'adds';
create function uses_table() returns setof orders language sql as $$ select * from orders $$;
