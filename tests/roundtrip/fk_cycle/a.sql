create table a_side (id int primary key, b_id int);
create table b_side (id int primary key, a_id int);
