-- A child table of the same name as its parent, in another schema, with
-- a column of its own merged with the parent's: its column depends on
-- the parent's column, which is not a dependency on itself.
CREATE TABLE keep (id int);
