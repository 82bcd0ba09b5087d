-- Operators, and each change to them (b.sql).
create function public.int_eq3(int, int) returns bool language sql immutable as $$ select $1 = $2 $$;
create function public.int_eq3b(int, int) returns bool language sql immutable as $$ select $1 = $2 $$;
create function public.int_ne3(int, int) returns bool language sql immutable as $$ select $1 <> $2 $$;
create function public.neg3(int) returns int language sql immutable as $$ select -$1 $$;
-- its estimators change (ALTER OPERATOR SET); a commutator and negator
-- pair, kept alike
create operator public.=== (leftarg = int, rightarg = int, function = public.int_eq3,
    commutator = ===, negator = !==, restrict = eqsel, join = eqjoinsel);
create operator public.!== (leftarg = int, rightarg = int, function = public.int_ne3,
    commutator = !==, negator = ===);
-- its function changes: a view that uses it is rebuilt around it
create operator public.=~= (leftarg = int, rightarg = int, function = public.int_eq3);
create table public.nums (a int, b int);
create view public.same_nums as select a, b from public.nums where a =~= b;
-- HASHES and MERGES set here only; its comment changes
create operator public.==== (leftarg = int, rightarg = int, function = public.int_eq3,
    hashes, merges);
comment on operator public.==== (int, int) is 'four';
-- a prefix operator, only here
create operator public.~~~ (rightarg = int, function = public.neg3);
