create table parents (id int primary key, code text unique);
create table children (id int primary key, parent_id int references parents, parent_code text);
create table pets (id int primary key, owner_id int);
