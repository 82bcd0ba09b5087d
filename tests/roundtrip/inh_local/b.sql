CREATE TABLE parent (id int, extra bigint DEFAULT 2, added text, code varchar(9));
CREATE TABLE child (name text NOT NULL, own int, code varchar(9) DEFAULT 'c') INHERITS (parent);
CREATE TABLE child2 (x int, added text) INHERITS (parent);
CREATE TABLE grandchild () INHERITS (child);
CREATE TABLE np (k int, m text DEFAULT 'p');
CREATE TABLE nc (m text DEFAULT 'c', z int) INHERITS (np);
