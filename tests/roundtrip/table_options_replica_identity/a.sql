create table events (id int primary key, payload jsonb) with (fillfactor = 70);
create table messages (id int not null, body text);
create unique index messages_id on messages (id);
create table logs (id int) with (autovacuum_enabled = false, fillfactor = 50);
alter table logs replica identity nothing;
