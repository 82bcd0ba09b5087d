create table measures (id int, v int, note text) partition by list (id);
create table measures_1 partition of measures for values in (1);
alter table measures_1 alter column v set not null;
create table measures_2 partition of measures for values in (2);
create table measures_3 partition of measures for values in (3);
alter table measures_3 alter column note set not null;
create table base (x int, y int);
create table kid (z int) inherits (base);
alter table kid alter column x set not null;
