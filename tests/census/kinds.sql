-- Objects of kinds pgalign does not model (alt.sql: the same objects,
-- defined otherwise). Of the census's other kinds, security labels need
-- a label provider and cron jobs pg_cron (tests/supabase has those).
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p1 with (connect = false, slot_name = none, enabled = false);
create type public.census_int;
create function public.census_int_in(cstring) returns public.census_int
    language internal immutable strict as 'int4in';
create function public.census_int_out(public.census_int) returns cstring
    language internal immutable strict as 'int4out';
create type public.census_int (input = public.census_int_in, output = public.census_int_out,
    like = int4);
-- Left out: a shell type in a schema the Supabase profile manages.
create type auth.census_shell;
