create table names (id int, a text collate "C", b text, c varchar(10) collate "C");
