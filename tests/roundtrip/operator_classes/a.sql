-- Operator families and classes, and each change to them (b.sql).
create function public.cmp_abs(int, int) returns int language sql immutable
    as $$ select case when abs($1) < abs($2) then -1 when abs($1) > abs($2) then 1 else 0 end $$;
create function public.cmp_abs2(int, int) returns int language sql immutable
    as $$ select case when abs($1) < abs($2) then -1 when abs($1) > abs($2) then 1 else 0 end $$;
create function public.lt_abs(int, int) returns bool language sql immutable as $$ select abs($1) < abs($2) $$;
create function public.le_abs(int, int) returns bool language sql immutable as $$ select abs($1) <= abs($2) $$;
create function public.eq_abs(int, int) returns bool language sql immutable as $$ select abs($1) = abs($2) $$;
create function public.hash_abs(int) returns int language sql immutable as $$ select hashint4(abs($1)) $$;
create operator public.<@< (leftarg = int, rightarg = int, function = public.lt_abs);
create operator public.<@= (leftarg = int, rightarg = int, function = public.le_abs);
create operator public.=@= (leftarg = int, rightarg = int, function = public.eq_abs, hashes);
create type public.mood as enum ('calm', 'cross');
create function public.mood_eq(public.mood, public.mood) returns bool language sql immutable
    as $$ select $1::text = $2::text $$;
create function public.mood_hash(public.mood) returns int language sql immutable
    as $$ select hashtext($1::text) $$;
create operator public.=~ (leftarg = public.mood, rightarg = public.mood, function = public.mood_eq);

-- a class whose members change (drop and create), with an index using it
-- rebuilt around it; its comment changes
create operator family public.abs_ops using btree;
create operator class public.abs_ops for type int using btree family public.abs_ops as
    operator 1 public.<@<, operator 3 public.=@=, function 1 public.cmp_abs(int, int);
comment on operator class public.abs_ops using btree is 'absolute order';
create table public.readings (v int);
create index readings_abs on public.readings (v public.abs_ops);
insert into public.readings values (-3), (2);

-- a family's own members: one added, one dropped, one whose function
-- changes (dropped and added); its comment is dropped
create operator family public.loose using btree;
alter operator family public.loose using btree add
    operator 1 <(int, bigint),
    operator 3 =(int, bigint),
    function 1 (int, bigint) btint48cmp(int, bigint),
    function 1 (bigint, int) btint84cmp(bigint, int);
comment on operator family public.loose using btree is 'cross types';

-- the same name under two access methods; the hash one only here
create operator family public.twin using btree;
create operator family public.twin using hash;

-- a class that becomes the default for its type (drop and create)
create operator class public.abs_hash for type public.mood using hash as
    operator 1 public.=~, function 1 public.mood_hash(public.mood);

-- GiST moves a class's operators to its family; the family's ordering
-- operator (FOR ORDER BY) only here
create operator class public.box_ops2 for type box using gist as
    operator 3 &&,
    function 1 gist_box_consistent(internal, box, smallint, oid, internal),
    function 2 gist_box_union(internal, internal),
    function 5 gist_box_penalty(internal, internal, internal),
    function 6 gist_box_picksplit(internal, internal),
    function 7 gist_box_same(box, box, internal);
alter operator family public.box_ops2 using gist
    add operator 15 <->(box, point) for order by float_ops;

-- only here: a class (and the family it made) in another schema
create schema ops;
create operator class ops."Odd Ops" for type int using btree as
    operator 1 <, operator 3 =, function 1 btint4cmp(int, int);

-- its operator's function changes (drop and create): the class, and the
-- index using it, are rebuilt around it
create operator public.<#< (leftarg = int, rightarg = int, function = public.lt_abs);
create operator class public.by_abs for type int using btree as
    operator 1 public.<#<, function 1 public.cmp_abs(int, int);
create index readings_by_abs on public.readings (v public.by_abs);
