do $$ begin create role app_user; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role "App Admin"; exception when duplicate_object or unique_violation then null; end $$;
create table docs (id int primary key, owner name default current_user, body text, public boolean);
alter table docs enable row level security;
create policy docs_owner on docs for all to app_user using (owner = current_user);
create policy docs_public on docs for select using (public);
create policy docs_insert on docs for insert to app_user with check (owner = current_user);
create policy docs_restrict on docs as restrictive for delete to "App Admin" using (true);
create table notes (id int, body text);
