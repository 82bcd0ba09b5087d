-- Transforms, and each change to them (b.sql). The language and the
-- functions are C ones the server ships, by symbol: created, never called.
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
-- its FROM SQL function changes and it gains a TO SQL one
create transform for public.mood language lang_t (from sql with function public.tf_from(internal));
-- loses its FROM SQL function; its comment changes
create transform for public.tone language lang_t (
    from sql with function public.tf_from(internal),
    to sql with function public.tf_to_tone(internal));
comment on transform for public.tone language lang_t is 'tone';
-- only here
create transform for public.level language lang_t (from sql with function public.tf_from(internal));
