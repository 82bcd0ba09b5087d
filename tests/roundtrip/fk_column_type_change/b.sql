create table parents (id bigint primary key, name text);
create table kids (id int primary key, parent_id bigint references parents, age integer check (age >= 0));
