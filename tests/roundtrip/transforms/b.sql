-- a.sql, each transform changed (see there).
create function public.pl_handler() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create language lang_t handler public.pl_handler;
create type public.mood as enum ('calm', 'busy');
create type public.tone as enum ('soft', 'loud');
create type public.level as enum ('low', 'high');
create function public.tf_from(internal) returns internal immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create function public.tf_from2(internal) returns internal immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create function public.tf_to_mood(internal) returns public.mood immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create function public.tf_to_tone(internal) returns public.tone immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create transform for public.mood language lang_t (
    from sql with function public.tf_from2(internal),
    to sql with function public.tf_to_mood(internal));
create transform for public.tone language lang_t (to sql with function public.tf_to_tone(internal));
comment on transform for public.tone language lang_t is 'tone, one way';
-- only here: for a type, a language and a function all new
create type public.pitch as enum ('low', 'high');
create function public.pl_handler2() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create language lang_u handler public.pl_handler2;
create function public.tf_from3(internal) returns internal immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create transform for public.pitch language lang_u (from sql with function public.tf_from3(internal));
