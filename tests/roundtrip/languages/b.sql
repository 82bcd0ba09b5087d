-- a.sql, each language changed (see there).
do $$ begin create role lang_user; exception when duplicate_object or unique_violation then null; end $$;
create function public.pl_handler() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create function public.pl_inline(internal) returns void
    language c as '$libdir/plpgsql', 'plpgsql_inline_handler';
create function public.pl_validator(oid) returns void
    language c as '$libdir/plpgsql', 'plpgsql_validator';
create trusted language lang_trust handler public.pl_handler;
create function public.in_lang() returns int language lang_trust
    as $$ begin return 1; end $$;
create language lang_full handler public.pl_handler;
comment on language lang_full is 'full, then less';
create trusted language lang_granted handler public.pl_handler;
grant usage on language lang_granted to lang_user;
-- only here: a new language, its handler new too, with a function in it
create function public.pl_handler2() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create language lang_new handler public.pl_handler2 validator public.pl_validator;
create function public.in_new() returns int language lang_new
    as $$ begin return 3; end $$;
