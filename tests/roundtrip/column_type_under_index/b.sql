create table items (id int primary key, sku text not null, price bigint);
create unique index items_sku on items (sku);
create index items_price on items (price) where price > 0;
create index items_lower_sku on items (lower(sku));
