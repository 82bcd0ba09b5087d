-- Servers of an extension's wrapper and of the user's own: made, changed
-- (VERSION, OPTIONS), replaced (TYPE, wrapper) and dropped.
create extension postgres_fdw;
create foreign data wrapper own_fdw;
create foreign data wrapper other_fdw;
create server same_srv foreign data wrapper postgres_fdw options (host 'db', dbname 'app');
create server options_srv foreign data wrapper postgres_fdw options (host 'b', dbname 'x', fetch_size '500');
create server version_srv version '1.1' foreign data wrapper own_fdw;
create server unversioned_srv foreign data wrapper own_fdw;
create server type_srv type 'mysql' foreign data wrapper own_fdw;
create server wrapper_srv foreign data wrapper other_fdw;
create server "Only In B" type 't' version 'v' foreign data wrapper postgres_fdw options (host 'it''s');
comment on server same_srv is 'new';
