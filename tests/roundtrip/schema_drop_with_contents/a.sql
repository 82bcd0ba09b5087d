create schema legacy;
create type legacy.kind as enum ('a', 'b');
create sequence legacy.ids;
create table legacy.things (id int primary key default nextval('legacy.ids'), kind legacy.kind);
create table public.refs (id int primary key, thing_id int references legacy.things);
create index refs_thing on public.refs (thing_id);
create view legacy.v as select id from legacy.things;
