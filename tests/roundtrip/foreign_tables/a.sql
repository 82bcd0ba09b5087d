-- Foreign tables: columns with their own OPTIONS, NOT NULL, defaults and
-- CHECK; table OPTIONS; a new server (drop and create, with the view that
-- reads it rebuilt around it); a foreign partition and a foreign child;
-- comments; created and dropped.
create foreign data wrapper ft_fdw;
create server ft_srv foreign data wrapper ft_fdw;
create server ft_other foreign data wrapper ft_fdw;
create foreign table same_ft (id int options (column_name 'ID') not null, note text)
    server ft_srv options (table_name 'same');
create foreign table options_ft (a int options (column_name 'x', quoted 'it''s'), b text)
    server ft_srv options (table_name 't1', schema_name 's');
create foreign table columns_ft (
    keep int,
    gone text,
    retyped int,
    nullable int not null,
    defaulted int default 1,
    checked int constraint checked_positive check (checked > 0)
) server ft_srv;
create foreign table moved_ft (id int) server ft_srv;
create view moved_v as select id from moved_ft;
create foreign table only_in_a (x int) server ft_srv;
create table measurements (id int, at date) partition by range (at);
create foreign table measurements_2024 partition of measurements
    for values from ('2024-01-01') to ('2025-01-01') server ft_srv;
create table events (id int);
create foreign table remote_events (origin text) inherits (events) server ft_srv;
comment on foreign table same_ft is 'old';
comment on column same_ft.note is 'old note';
-- Options of a foreign partition's and a foreign child's inherited
-- columns are their own.
create table readings (id int, v text) partition by list (id);
create foreign table readings_1 partition of readings for values in (1) server ft_srv;
alter foreign table readings_1 alter column v options (add column_name 'value');
create foreign table readings_2 partition of readings for values in (2) server ft_srv;
alter foreign table remote_events alter column id options (add column_name 'event_id');
-- A server replaced (a new TYPE): its foreign table, and the view that
-- reads that, are rebuilt around it.
create server typed_srv type 'a' foreign data wrapper ft_fdw;
create foreign table on_typed (x int options (column_name 'X')) server typed_srv;
create view on_typed_v as select x from on_typed;
