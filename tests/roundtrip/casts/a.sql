-- Casts, and each change to them (b.sql).
create type public.mood as enum ('calm', 'busy');
create type public.level as enum ('low', 'high');
create function public.mood_text(public.mood) returns text language sql immutable
    as $$ select upper($1::text) $$;
create function public.mood_int(public.mood) returns int language sql immutable
    as $$ select case when $1 = 'calm' then 0 else 1 end $$;
create function public.level_mood(public.level) returns public.mood language sql immutable
    as $$ select case when $1 = 'low' then 'calm'::public.mood else 'busy'::public.mood end $$;
-- its function changes (to the types' I/O in b.sql)
create cast (public.mood as text) with function public.mood_text(public.mood);
-- its context changes; its comment too
create cast (public.mood as int) with function public.mood_int(public.mood) as assignment;
comment on cast (public.mood as int) is 'mood as a number';
-- only here, implicit, its function only here too
create cast (public.level as public.mood) with function public.level_mood(public.level) as implicit;
-- kept alike
create cast (public.level as text) with inout;
-- its type is swapped for a new one (labels reordered in b.sql): the cast
-- and its function are rebuilt around the swap
create type public.tone as enum ('soft', 'loud');
create function public.tone_int(public.tone) returns int language sql immutable
    as $$ select array_position(enum_range(null::public.tone), $1) $$;
create cast (public.tone as int) with function public.tone_int(public.tone);
