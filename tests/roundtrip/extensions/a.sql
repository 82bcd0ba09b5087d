create extension pg_trgm;
create schema ext;
create extension hstore;
create table docs (id int primary key, body text);
