CREATE TABLE parent (id int, name text, extra int DEFAULT 1, code varchar(5));
CREATE TABLE child (name text NOT NULL, own int, code varchar(5) DEFAULT 'c') INHERITS (parent);
CREATE TABLE child2 (x int) INHERITS (parent);
CREATE TABLE grandchild () INHERITS (child);
