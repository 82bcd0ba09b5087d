create function add_sq(acc numeric, x numeric) returns numeric language sql immutable as $$ select acc + x * x $$;
create function sqrt_final(acc numeric) returns numeric language sql immutable as $$ select sqrt(acc) $$;
create aggregate norm(numeric) (sfunc = add_sq, stype = numeric, initcond = '0', finalfunc = sqrt_final, parallel = safe);
create table vals (x numeric);
create view vals_norm as select norm(x) from vals;
create aggregate "Max Len"(text) (sfunc = textcat, stype = text, initcond = 'x', combinefunc = textcat);
comment on aggregate norm(numeric) is 'euclidean norm';
