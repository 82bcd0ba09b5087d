-- Foreign tables: columns with their own OPTIONS, NOT NULL, defaults and
-- CHECK; table OPTIONS; a new server (drop and create, with the view that
-- reads it rebuilt around it); a foreign partition and a foreign child;
-- comments; created and dropped.
create foreign data wrapper ft_fdw;
create server ft_srv foreign data wrapper ft_fdw;
create server ft_other foreign data wrapper ft_fdw;
create foreign table same_ft (id int options (column_name 'ID') not null, note text)
    server ft_srv options (table_name 'same');
create foreign table options_ft (a int options (column_name 'y'), b text options (column_name 'B'))
    server ft_srv options (table_name 't2', fetch 'all');
create foreign table columns_ft (
    keep int,
    retyped text,
    nullable int,
    defaulted int default 2 not null,
    checked int constraint checked_positive check (checked >= 0),
    added numeric(10,2) options (column_name 'new') default 0
) server ft_srv;
create foreign table moved_ft (id int) server ft_other;
create view moved_v as select id from moved_ft;
create foreign table "Only In B" ("Weird col" text options ("Opt" 'v')) server ft_other
    options (table_name 'b');
create table measurements (id int, at date) partition by range (at);
create foreign table measurements_2024 partition of measurements
    for values from ('2024-01-01') to ('2025-01-01') server ft_other;
create foreign table measurements_2025 partition of measurements
    for values from ('2025-01-01') to ('2026-01-01') server ft_srv;
create table events (id int);
create foreign table remote_events (origin text) inherits (events) server ft_srv;
create foreign table more_events () inherits (events) server ft_srv;
comment on foreign table same_ft is 'new';
comment on column same_ft.note is 'new note';
-- Options of a foreign partition's and a foreign child's inherited
-- columns are their own.
create table readings (id int, v text) partition by list (id);
create foreign table readings_1 partition of readings for values in (1) server ft_srv;
alter foreign table readings_1 alter column v options (add column_name 'val');
create foreign table readings_2 partition of readings for values in (2) server ft_srv;
alter foreign table readings_2 alter column id options (add column_name 'ID');
create foreign table readings_3 partition of readings for values in (3) server ft_srv;
alter foreign table readings_3 alter column v options (add column_name 'v3');
alter foreign table more_events alter column id options (add column_name 'more_id');
-- A server replaced (a new TYPE): its foreign table, and the view that
-- reads that, are rebuilt around it.
create server typed_srv type 'b' foreign data wrapper ft_fdw;
create foreign table on_typed (x int options (column_name 'X')) server typed_srv;
create view on_typed_v as select x from on_typed;
