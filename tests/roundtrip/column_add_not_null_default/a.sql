create table accounts (id int primary key, name text);
insert into accounts values (1, 'one'), (2, 'two');
