create table measures (
    id int primary key,
    small smallint,
    code text,
    label varchar(20),
    amount numeric(10,2),
    ratio real,
    at timestamp,
    flag text
);
