create table events (id int primary key, payload jsonb) with (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.05);
alter table events replica identity full;
create table messages (id int not null, body text);
create unique index messages_id on messages (id);
alter table messages replica identity using index messages_id;
create table logs (id int);
create table realtime_rows (id int not null, v text) with (fillfactor = 80);
create unique index realtime_rows_id on realtime_rows (id);
alter table realtime_rows replica identity using index realtime_rows_id;
