create table parents (id int primary key, name text);
create table kids (id int primary key, parent_id int references parents, age smallint check (age >= 0));
insert into parents values (1, 'p');
insert into kids values (1, 1, 3);
