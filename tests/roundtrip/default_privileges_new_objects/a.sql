do $$ begin create role anon; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role authenticated; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role service_role; exception when duplicate_object or unique_violation then null; end $$;
create schema app;
grant usage on schema app to anon, authenticated, service_role;
alter default privileges in schema app grant all on tables to anon, authenticated, service_role;
alter default privileges in schema app grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema app grant all on functions to anon, authenticated, service_role;
create table app.existing (id int);
