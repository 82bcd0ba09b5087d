create schema ext;
create extension pg_trgm;
create extension hstore with schema ext;
create extension citext;
create table docs (id int primary key, body text, attrs ext.hstore, title citext);
create index docs_body_trgm on docs using gin (body gin_trgm_ops);
