create table users (id int, email text, handle text, org int not null);
alter table users add constraint users_pkey primary key (id, org);
alter table users add constraint users_handle_key unique (handle) deferrable initially deferred;
alter table users add constraint users_org_email unique (org, email);
create table teams (id int primary key, name text);
