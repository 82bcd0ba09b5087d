-- Objects of each kind of issue #43 that pgalign plans, alike in every
-- database of the suite; run.sh changes one in a copy at a time.
create schema search;
create text search parser search.prs (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype);
create text search parser search.spare (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype);
create text search template search.spare_tmpl (lexize = dsimple_lexize);
create text search template search.tmpl (init = dsimple_init, lexize = dsimple_lexize);
create text search dictionary search.dict (template = search.tmpl, stopwords = english);
create text search configuration search.cfg (parser = search.prs);
alter text search configuration search.cfg add mapping for word, asciiword with search.dict, simple;
create table search.docs (id int primary key, body text);
create index docs_body on search.docs using gin (to_tsvector('search.cfg'::regconfig, body));
create table public.orders (id int primary key, customer int, region text);
create statistics public.orders_stats (dependencies) on customer, region from public.orders;
create table public.orders_log (id int, customer int);
create rule log_insert as on insert to public.orders
    do also insert into public.orders_log values (new.id, new.customer);
create view public.orders_v as select id, region from public.orders;
alter view public.orders_v alter column region set default 'eu';
create type public.mood as enum ('calm', 'busy');
create function public.mood_int(public.mood) returns int language sql immutable
    as $$ select case when $1 = 'calm' then 0 else 1 end $$;
create cast (public.mood as int) with function public.mood_int(public.mood);
create function public.int_eq3(int, int) returns bool language sql immutable as $$ select $1 = $2 $$;
create operator public.=== (leftarg = int, rightarg = int, function = public.int_eq3,
    restrict = eqsel, join = eqjoinsel);
create function public.to_latin(integer, integer, cstring, internal, integer, boolean)
    returns integer language c as '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
create conversion public.conv for 'UTF8' to 'LATIN1' from public.to_latin;
create function public.pl_handler() returns language_handler
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create language kinds_lang handler public.pl_handler;
create function public.tf_from(internal) returns internal immutable
    language c as '$libdir/plpgsql', 'plpgsql_call_handler';
create transform for public.mood language kinds_lang (from sql with function public.tf_from(internal));
create operator family public.int_fam using btree;
alter operator family public.int_fam using btree add
    operator 1 <(int, bigint), function 1 (int, bigint) btint48cmp(int, bigint);
create operator class public.int_ops for type int using btree family public.int_fam as
    operator 1 <, operator 3 =, function 1 btint4cmp(int, int);
create index orders_customer_ops on public.orders (customer public.int_ops);
create function public.hash_int(int) returns int language sql immutable as 'select hashint4($1)';
create operator class public.int_hash for type int using hash as
    operator 1 =, function 1 hashint4(int);
