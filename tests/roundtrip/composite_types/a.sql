create type address as (street text, city text, zip varchar(5));
create type "Point 3D" as (x float8, y float8, z float8);
create type gone as (a int);
comment on type address is 'postal';
create function fmt(a address) returns text language sql as $$ select a.street || ', ' || a.city $$;
