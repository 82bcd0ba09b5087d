create table vehicles (id int, wheels smallint, name text);
create table cars (doors int) inherits (vehicles);
create table trucks (load int) inherits (vehicles);
