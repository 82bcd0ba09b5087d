do $$ begin create role authenticated; exception when duplicate_object or unique_violation then null; end $$;
create table profiles (id int primary key, name text, email text, admin boolean, bio text);
grant select (id, name, email) on profiles to authenticated;
grant update (name, bio) on profiles to authenticated;
