-- PostgreSQL 18: NOT NULL constraints have names, and may be NOT VALID or
-- NO INHERIT.
create table people (
    id int not null,
    name text constraint "Name Given" not null,
    email text constraint email_present not null,
    nick text,
    note text,
    age int constraint age_known not null no inherit
);
create table kids (extra int not null) inherits (people);
insert into people (id, name, email, note, age) values (1, 'a', 'b', 'c', 3);
alter table people add constraint nick_soon not null nick not valid;
create table fresh (
    id int,
    code text
);
alter table fresh add constraint code_later not null code not valid;
