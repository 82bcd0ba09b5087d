-- User mappings for a role, for the role inspecting (CURRENT_USER) and
-- for PUBLIC: made, their options changed by name, dropped, and rebuilt
-- around a server that is replaced.
do $$ begin create role um_reader; exception when duplicate_object or unique_violation then null; end $$;
do $$ begin create role "UM Writer"; exception when duplicate_object or unique_violation then null; end $$;
create extension postgres_fdw;
create foreign data wrapper own_fdw;
create server app_srv foreign data wrapper postgres_fdw options (host 'db', dbname 'app');
create server typed_srv type 'b' foreign data wrapper own_fdw;
create user mapping for current_user server app_srv options (user 'app2');
create user mapping for public server app_srv options (user 'anyone');
create user mapping for um_reader server app_srv options (user 'reader2');
create user mapping for um_reader server typed_srv options (b '3', c 'it''s');
create user mapping for "UM Writer" server app_srv;
