-- Servers of an extension's wrapper and of the user's own: made, changed
-- (VERSION, OPTIONS), replaced (TYPE, wrapper) and dropped.
create extension postgres_fdw;
create foreign data wrapper own_fdw;
create foreign data wrapper other_fdw;
create server same_srv foreign data wrapper postgres_fdw options (host 'db', dbname 'app');
create server options_srv foreign data wrapper postgres_fdw options (host 'a', port '5432', dbname 'x');
create server version_srv version '1.0' foreign data wrapper own_fdw;
create server unversioned_srv version '2.0' foreign data wrapper own_fdw;
create server type_srv type 'oracle' foreign data wrapper own_fdw;
create server wrapper_srv foreign data wrapper own_fdw;
create server only_in_a foreign data wrapper postgres_fdw;
comment on server same_srv is 'old';
