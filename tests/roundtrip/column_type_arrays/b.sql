create table vals (
    id int primary key,
    tags text[],
    ids integer,
    counts bigint[],
    names text[],
    at timestamp(0) with time zone,
    words text,
    n numeric[]
);
