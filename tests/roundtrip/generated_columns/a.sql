create table prices (
    id int primary key,
    net numeric(10,2) not null,
    vat numeric(10,2) generated always as (net * 0.2) stored,
    total numeric(10,2) generated always as (net * 1.2) stored,
    plain_then_generated int
);
create index prices_vat on prices (vat);
