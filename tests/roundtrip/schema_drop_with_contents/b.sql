create table public.refs (id int primary key, thing_id int);
create index refs_thing on public.refs (thing_id);
