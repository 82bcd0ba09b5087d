-- A collation whose definition changes while columns, an index and a view
-- use it: swapped (renamed, created, columns moved, old one dropped).
create schema app;
create collation app.names (provider = libc, locale = 'C');
create table app.people (id int primary key, name text collate app.names not null,
    nick varchar(20) collate app.names);
create index people_name on app.people (name);
create index people_nick_c on app.people (nick collate app.names);
create view app.sorted as select name from app.people order by name collate app.names;
insert into app.people values (1, 'b', 'x'), (2, 'a', null);
