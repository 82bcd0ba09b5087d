create table a_side (id int primary key, b_id int);
create table b_side (id int primary key, a_id int references a_side);
alter table a_side add foreign key (b_id) references b_side;
create table c_one (id int primary key, d_id int);
create table d_one (id int primary key, c_id int references c_one);
alter table c_one add constraint c_d foreign key (d_id) references d_one deferrable;
