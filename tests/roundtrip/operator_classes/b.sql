-- Operator families and classes, each changed from a.sql.
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

create operator family public.abs_ops using btree;
create operator class public.abs_ops for type int using btree family public.abs_ops as
    operator 1 public.<@<, operator 2 public.<@=, operator 3 public.=@=,
    function 1 public.cmp_abs2(int, int);
comment on operator class public.abs_ops using btree is 'absolute order, again';
create table public.readings (v int);
create index readings_abs on public.readings (v public.abs_ops);
insert into public.readings values (-3), (2);

create function public.cmp_cross(bigint, int) returns int language sql immutable
    as $$ select btint84cmp($1, $2) $$;
create operator family public.loose using btree;
alter operator family public.loose using btree add
    operator 1 <(int, bigint),
    operator 5 >(int, bigint),
    function 1 (int, bigint) btint48cmp(int, bigint),
    function 1 (bigint, int) public.cmp_cross(bigint, int);

create operator family public.twin using btree;

create operator class public.abs_hash default for type public.mood using hash as
    operator 1 public.=~, function 1 public.mood_hash(public.mood);

create operator class public.box_ops2 for type box using gist as
    operator 3 &&,
    function 1 gist_box_consistent(internal, box, smallint, oid, internal),
    function 2 gist_box_union(internal, internal),
    function 5 gist_box_penalty(internal, internal, internal),
    function 6 gist_box_picksplit(internal, internal),
    function 7 gist_box_same(box, box, internal);
comment on operator family public.box_ops2 using gist is 'made by its class';

-- only here: a class in a family of another name, over a new operator
create schema ops;
create function ops.lt_rev(int, int) returns bool language sql immutable as $$ select $1 > $2 $$;
create operator ops.<<< (leftarg = int, rightarg = int, function = ops.lt_rev);
create operator family ops.rev using btree;
create operator class ops.rev_ops for type int using btree family ops.rev as
    operator 1 ops.<<<, function 1 btint4cmp(int, int);
create table ops.t (a int);
create index t_rev on ops.t (a ops.rev_ops);

-- its operator's function changes (drop and create): the class, and the
-- index using it, are rebuilt around it
create operator public.<#< (leftarg = int, rightarg = int, function = public.le_abs);
create operator class public.by_abs for type int using btree as
    operator 1 public.<#<, function 1 public.cmp_abs(int, int);
create index readings_by_abs on public.readings (v public.by_abs);

-- only here: a class with a storage type of its own
create operator class public.poly_ops2 for type polygon using gist as
    operator 3 &&,
    function 1 gist_poly_consistent(internal, polygon, smallint, oid, internal),
    function 2 gist_box_union(internal, internal),
    function 3 gist_poly_compress(internal),
    function 5 gist_box_penalty(internal, internal, internal),
    function 6 gist_box_picksplit(internal, internal),
    function 7 gist_box_same(box, box, internal),
    storage box;
