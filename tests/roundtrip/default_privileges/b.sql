do $$ begin create role anon; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role authenticated; exception when duplicate_object or unique_violation then null; end $$;
create schema app;
alter default privileges in schema app grant select, insert on tables to anon;
alter default privileges in schema app grant usage on sequences to anon, authenticated;
alter default privileges for role postgres revoke execute on functions from public;
alter default privileges grant all on tables to authenticated;
