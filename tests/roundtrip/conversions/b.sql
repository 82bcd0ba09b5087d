-- a.sql, each conversion changed (see there).
create function public.to_latin(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
create function public.to_latin2(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
create conversion public.conv_fn for 'UTF8' to 'LATIN1' from public.to_latin2;
create default conversion public.conv_default for 'UTF8' to 'LATIN1' from public.to_latin;
comment on conversion public.conv_default is 'to latin, by default';
-- only here: the other way, in a schema of its own, its function new too
create schema enc;
create function enc.from_latin(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'iso8859_1_to_utf8';
create conversion enc.conv_back for 'LATIN1' to 'UTF8' from enc.from_latin;
