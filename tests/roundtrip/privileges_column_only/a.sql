do $$ begin create role authenticated; exception when duplicate_object or unique_violation then null; end $$;
create table profiles (id int primary key, name text, email text, admin boolean);
grant select (id, name) on profiles to authenticated;
