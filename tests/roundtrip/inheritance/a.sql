create table base (id int primary key, created timestamptz default now(), check (id > 0));
create table child_a (extra text) inherits (base);
create table other_parent (tag text);
create table child_b (id int, created timestamptz, tag text, own int);
create table grandchild (g int) inherits (child_a);
-- comments on inherited columns are the child's own: one changed, one
-- removed in b.sql, one added there, one on a new child's
comment on column child_a.id is 'child id';
comment on column child_a.created is 'child created';
