-- kinds.sql's objects defined otherwise (same kind and name), one more
-- (census_sub2), one fewer (auth.census_shell).
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p2 with (connect = false, slot_name = none, enabled = false);
create subscription census_sub2 connection 'host=/nonexistent dbname=x'
    publication p1 with (connect = false, slot_name = none, enabled = false);
create type public.census_int;
create function public.census_int_in(cstring) returns public.census_int
    language internal immutable strict as 'int4in';
create function public.census_int_out(public.census_int) returns cstring
    language internal immutable strict as 'int4out';
create type public.census_int (input = public.census_int_in, output = public.census_int_out,
    like = int4, category = 'N');
