create domain code as varchar(10) constraint code_upper check (value = upper(value));
create domain "Name" as text;
create table items (id int, c code default 'X', tags "Name"[], n "Name");
create view item_codes as select id, c from items;
create function first_code() returns code language sql as $$ select c from items limit 1 $$;
insert into items values (1, 'AB', '{cd}', 'x');
