-- Grants on foreign tables and their columns, under --with-privileges;
-- a foreign table rebuilt for a new server gets them back.
do $$ begin create role ft_reader; exception when duplicate_object or unique_violation then null; end $$;
create foreign data wrapper g_fdw;
create server g_srv foreign data wrapper g_fdw;
create server g_other foreign data wrapper g_fdw;
create foreign table granted_ft (id int, secret text) server g_srv;
grant select on granted_ft to ft_reader;
create foreign table moved_ft (id int) server g_srv;
grant select, insert on moved_ft to ft_reader;
-- USAGE on wrappers and servers (the owner's own rights left out).
create foreign data wrapper used_fdw;
grant usage on foreign data wrapper used_fdw to ft_reader with grant option;
grant usage on foreign server g_srv to ft_reader;
grant usage on foreign server g_other to public;
