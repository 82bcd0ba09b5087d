CREATE TABLE o (id int, s varchar(10), k character varying);
