create function add_sq(acc numeric, x numeric) returns numeric language sql immutable as $$ select acc + x * x $$;
create function sqrt_final(acc numeric) returns numeric language sql immutable as $$ select sqrt(acc) $$;
create aggregate norm(numeric) (sfunc = add_sq, stype = numeric, initcond = '0', finalfunc = sqrt_final);
create aggregate sum_sq(numeric) (sfunc = add_sq, stype = numeric, initcond = '0');
create table vals (x numeric);
create view vals_norm as select norm(x) from vals;
create aggregate my_concat(text) (sfunc = textcat, stype = text, initcond = '');
