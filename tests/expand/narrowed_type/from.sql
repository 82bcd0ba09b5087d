CREATE TABLE items (id int PRIMARY KEY, code varchar(20), qty int);
