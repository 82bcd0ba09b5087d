create table plain (id int);
create table dropme (id int, payload jsonb);
create unlogged table cache (k text primary key, v text);
create table logged_one (id int);
comment on table plain is 'a plain table';
