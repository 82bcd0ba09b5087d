create table orders (id int primary key, qty int, price numeric, status text);
alter table orders add constraint qty_positive check (qty > 0);
alter table orders add constraint price_positive check (price > 0) not valid;
alter table orders add constraint status_known check (status in ('a', 'b')) not valid;
alter table orders add constraint gone check (id <> 0);
