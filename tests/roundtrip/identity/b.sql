create table t1 (id int not null primary key, v text);
create table t2 (id int generated always as identity primary key, v text);
create table t3 (id bigint generated always as identity (start with 100 increment by 5 cache 20), v text);
create table t4 (id bigint generated always as identity, v text);
