create table lines (id int primary key, qty int not null, price numeric(10,2) not null,
    total numeric(14,2) generated always as (qty * price) stored);
create index lines_total on lines (total);
insert into lines values (1, 2, 3.50);
