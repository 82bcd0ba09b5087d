-- Encoding conversions, and each change to them (b.sql). Their functions
-- are C functions the server ships, by symbol: created, never called.
create function public.to_latin(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
create function public.to_latin2(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
-- its function changes
create conversion public.conv_fn for 'UTF8' to 'LATIN1' from public.to_latin;
-- becomes the default for its encodings in b.sql; its comment changes
create conversion public.conv_default for 'UTF8' to 'LATIN1' from public.to_latin;
comment on conversion public.conv_default is 'to latin';
-- only here
create conversion public.conv_gone for 'UTF8' to 'LATIN1' from public.to_latin2;
