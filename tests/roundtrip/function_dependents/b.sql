create function positive(x int, strict_zero boolean default true) returns boolean language sql immutable as $$ select x > 0 or (not strict_zero and x = 0) $$;
create function lower_name(t text) returns varchar language sql immutable as $$ select lower(t) $$;
create function next_code() returns bigint language sql as $$ select 43::bigint $$;
create table items (
  id int primary key,
  qty int check (positive(qty)),
  name text,
  code int default next_code()
);
create index items_lower_name on items (lower_name(name));
create view positive_items as select id from items where positive(qty);
create view positive_items_named as select p.id, i.name from positive_items p join items i using (id);
