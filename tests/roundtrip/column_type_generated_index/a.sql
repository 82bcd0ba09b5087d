-- A column's type changes, and so does the type of a generated column
-- computed from it: the server cannot alter either while the generated
-- column depends on the other, so the generated column is dropped and
-- added again, and the index on it must come back with it.
CREATE TABLE t (id int PRIMARY KEY, a int, g int GENERATED ALWAYS AS (a * 2) STORED);
CREATE INDEX t_g ON t (g);
CREATE INDEX t_a ON t (a);
