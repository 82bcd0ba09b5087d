create schema app;
create table app.messages (id int primary key, body text, room int);
create table app.rooms (id int primary key, name text);
create table app.secrets (id int primary key, v text);
create publication supabase_realtime;
alter publication supabase_realtime add table app.messages;
create publication everything for all tables;
create publication old_pub for table app.rooms;
create publication inserts_only for table app.rooms with (publish = 'insert');
