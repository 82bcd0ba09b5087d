-- a.sql, each operator changed (see there).
create function public.int_eq3(int, int) returns bool language sql immutable as $$ select $1 = $2 $$;
create function public.int_eq3b(int, int) returns bool language sql immutable as $$ select $1 = $2 $$;
create function public.int_ne3(int, int) returns bool language sql immutable as $$ select $1 <> $2 $$;
create function public.neg3(int) returns int language sql immutable as $$ select -$1 $$;
create operator public.=== (leftarg = int, rightarg = int, function = public.int_eq3,
    commutator = ===, negator = !==, restrict = scalarlesel, join = scalarlejoinsel);
create operator public.!== (leftarg = int, rightarg = int, function = public.int_ne3,
    commutator = !==, negator = ===);
create operator public.=~= (leftarg = int, rightarg = int, function = public.int_eq3b);
create table public.nums (a int, b int);
create view public.same_nums as select a, b from public.nums where a =~= b;
create operator public.==== (leftarg = int, rightarg = int, function = public.int_eq3);
comment on operator public.==== (int, int) is 'four equals';
-- only here: in another schema, on a type of its own, its function new too
create schema ops;
create type ops.pair as (a int, b int);
create function ops.pair_sum(ops.pair, int) returns int language sql immutable
    as $$ select $1.a + $1.b + $2 $$;
create operator ops.+ (leftarg = ops.pair, rightarg = int, function = ops.pair_sum);
