-- Procedural languages, their grants (under --with-privileges), and each
-- change to them (b.sql). The handlers are plpgsql's, by symbol.
do $$ begin create role lang_user; exception when duplicate_object or unique_violation then null; end $$;
create function public.pl_handler() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create function public.pl_inline(internal) returns void
    language c as '$libdir/plpgsql', 'plpgsql_inline_handler';
create function public.pl_validator(oid) returns void
    language c as '$libdir/plpgsql', 'plpgsql_validator';
-- becomes trusted in b.sql; a function written in it is kept
create language lang_trust handler public.pl_handler;
create function public.in_lang() returns int language lang_trust
    as $$ begin return 1; end $$;
-- loses its inline handler and validator; its comment changes
create language lang_full handler public.pl_handler inline public.pl_inline
    validator public.pl_validator;
comment on language lang_full is 'full';
-- only here, with a function written in it
create language lang_gone handler public.pl_handler;
create function public.in_gone() returns int language lang_gone
    as $$ begin return 2; end $$;
-- its grants change: USAGE taken from PUBLIC here, given to a role in b.sql
create trusted language lang_granted handler public.pl_handler;
revoke usage on language lang_granted from public;
