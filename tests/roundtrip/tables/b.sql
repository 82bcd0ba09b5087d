create table plain (id int);
create table cache (k text primary key, v text);
create unlogged table logged_one (id int);
create table "NewTable" ();
create table wide (a int, b text, c boolean, d date, e numeric(12,4), f uuid, g jsonb, h bytea, i int[], j timestamptz);
comment on table wide is 'many types';
