create table vehicles (id bigint, wheels int, name text not null default 'x', made date);
create table cars (doors int) inherits (vehicles);
create table trucks (load numeric) inherits (vehicles);
