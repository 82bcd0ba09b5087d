-- A partition and an inheriting table whose inherited columns are
-- nullable (b.sql sets NOT NULL on them in the child only).
create table measures (id int, v int, note text) partition by list (id);
create table measures_1 partition of measures for values in (1);
create table measures_2 partition of measures for values in (2);
create table base (x int, y int);
create table kid (z int) inherits (base);
