-- Indexes whose definition pgalign puts together from the catalogs, and
-- ones just short of that (printed by the server): the roundtrip suite
-- checks each text against pg_get_indexdef.
create schema "Odd Schema";
create domain short_text as text;
create table "Odd Schema"."Order" (
    id int primary key,
    "select" text,
    "Mixed Case" varchar(20),
    "quote""d" text collate "C",
    plain text,
    d short_text,
    n numeric,
    tags int[]
);
create index "Order_select" on "Odd Schema"."Order" ("select");
create index order_varchar on "Odd Schema"."Order" ("Mixed Case");
create index order_quoted on "Odd Schema"."Order" ("quote""d");
create index order_collate on "Odd Schema"."Order" (plain collate "C");
create index order_domain on "Odd Schema"."Order" (d);
create index order_twice on "Odd Schema"."Order" (plain, "select");
create index order_include on "Odd Schema"."Order" (n) include (plain);
create unique index order_multi on "Odd Schema"."Order" (id, n);
create index "desc" on "Odd Schema"."Order" (n);
create index order_pattern on "Odd Schema"."Order" (plain text_pattern_ops);
create index order_desc on "Odd Schema"."Order" (n desc, plain nulls first);
create index order_tags on "Odd Schema"."Order" using gin (tags);
create index order_hash on "Odd Schema"."Order" using hash (n);
create index order_fill on "Odd Schema"."Order" (n) with (fillfactor = 70);
create table measurements (at date not null, city int, reading numeric)
    partition by range (at);
create table measurements_2026 partition of measurements
    for values from ('2026-01-01') to ('2027-01-01');
create index measurements_city on measurements (at, city);
