create table items (id int primary key, sku varchar(10) not null, price int);
create unique index items_sku on items (sku);
create index items_price on items (price) where price > 0;
create index items_lower_sku on items (lower(sku));
insert into items values (1, 'a-1', 5), (2, 'b-2', 7);
