create table users (id int, email text, handle text, org int);
alter table users add constraint users_pkey primary key (id);
alter table users add constraint users_email_key unique (email);
create table teams (id int primary key, name text unique);
