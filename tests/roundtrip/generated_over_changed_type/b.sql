create table lines (id int primary key, qty bigint not null, price numeric(12,2) not null,
    total numeric(14,2) generated always as (qty * price) stored);
create index lines_total on lines (total);
