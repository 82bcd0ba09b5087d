create table names (id int, a text, b text collate "C", c varchar(10) collate "POSIX");
