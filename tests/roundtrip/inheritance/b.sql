create table base (id int primary key, created timestamptz default now(), flag boolean, check (id > 0));
create table child_a (extra text) inherits (base);
create table other_parent (tag text);
create table child_b (id int, created timestamptz, tag text, own int);
alter table child_b inherit other_parent;
create table child_c (more text) inherits (base, other_parent);
comment on column child_a.id is 'the child id';
comment on column child_a.flag is 'child flag';
comment on column child_c.created is 'created, for c';
