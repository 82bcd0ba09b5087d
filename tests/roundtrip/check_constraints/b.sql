create table orders (id int primary key, qty int, price numeric, status text);
alter table orders add constraint qty_positive check (qty >= 0);
alter table orders add constraint price_positive check (price > 0);
alter table orders add constraint status_known check (status in ('a', 'b'));
alter table orders add constraint "new check" check (status <> '') not valid;
comment on constraint qty_positive on orders is 'no negative quantities';
