-- Types compared as types, not by the start of their spelling: text and
-- text[] are not one family (USING is needed), integer[] has no cast to
-- integer at all (the column is dropped and added), arrays of one family
-- convert element by element, and a modifier inside a name is a modifier.
create table vals (
    id int primary key,
    tags text,
    ids integer[],
    counts integer[],
    names varchar(10)[],
    at timestamp(3),
    words text[],
    n numeric(8,2)[]
);
