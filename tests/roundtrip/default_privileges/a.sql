do $$ begin create role anon; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role authenticated; exception when duplicate_object or unique_violation then null; end $$;
create schema app;
alter default privileges in schema app grant select on tables to anon;
alter default privileges grant execute on functions to authenticated;
