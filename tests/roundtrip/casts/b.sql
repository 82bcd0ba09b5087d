-- a.sql, each cast changed (see there).
create type public.mood as enum ('calm', 'busy');
create type public.level as enum ('low', 'high');
create function public.mood_text(public.mood) returns text language sql immutable
    as $$ select upper($1::text) $$;
create function public.mood_int(public.mood) returns int language sql immutable
    as $$ select case when $1 = 'calm' then 0 else 1 end $$;
create cast (public.mood as text) with inout;
create cast (public.mood as int) with function public.mood_int(public.mood) as implicit;
comment on cast (public.mood as int) is 'mood as an integer';
create cast (public.level as text) with inout;
-- only here: binary coercible (the same storage), between two built-in
-- types (the suites run as a superuser, who may)
create cast (date as integer) without function;
-- a range type's own cast to its multirange (14+) is the type's, not a cast
create type public.span as range (subtype = int4);
-- a new function and a cast that uses it: the function first
create function public.level_int(public.level) returns int language sql immutable
    as $$ select case when $1 = 'low' then 0 else 1 end $$;
create cast (public.level as int) with function public.level_int(public.level);
create type public.tone as enum ('loud', 'soft');
create function public.tone_int(public.tone) returns int language sql immutable
    as $$ select array_position(enum_range(null::public.tone), $1) $$;
create cast (public.tone as int) with function public.tone_int(public.tone);
