create table prices (
    id int primary key,
    net numeric(10,2) not null,
    vat numeric(10,2) generated always as (net * 0.25) stored,
    total numeric(10,2),
    plain_then_generated int generated always as (id * 2) stored,
    gross numeric(10,2) generated always as (net * 2) stored
);
create index prices_vat on prices (vat);
