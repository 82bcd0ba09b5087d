create table measures (
    id bigint primary key,
    small integer,
    code integer,
    label varchar(40),
    amount numeric(12,2),
    ratio double precision,
    at timestamptz,
    flag boolean
);
