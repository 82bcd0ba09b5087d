create type address as (street text, city text collate "C", zip varchar(10), country text);
create type "Point 3D" as (x float8, y float8);
create type fresh as (k text, v text[]);
comment on type address is 'postal address';
comment on column address.country is 'ISO code';
create function fmt(a address) returns text language sql as $$ select a.street || ', ' || a.city || ', ' || a.country $$;
