create function area(r float8) returns float8 language sql as $$ select pi() * r * r $$;
create function area(w float8, h float8) returns float8 language sql as $$ select w * h $$;
create function area(w bigint, h bigint) returns bigint language sql as $$ select w * h $$;
create view shapes as select area(2.0::float8) as circle, area(2.0::float8, 3.0::float8) as rect;
create function kind_of(x int) returns bigint language sql as $$ select x::bigint $$;
