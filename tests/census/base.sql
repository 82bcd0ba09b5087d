-- What every database of the census suite has: the tables, types and
-- functions the uncompared objects use. pgalign compares all of it.
create table orders (id int primary key, total numeric, note text);
create table orders_log (id int, total numeric);
create schema auth;
create table auth.users (id int);

-- A wrapper, a server and a user mapping are compared (not in the
-- census): what is compared is never named.
create foreign data wrapper census_fdw options (a '1');
create server census_srv foreign data wrapper census_fdw options (host 'h1', password 'S3cretServer');
create user mapping for current_user server census_srv options (user 'u', password 'S3cretMapping');
