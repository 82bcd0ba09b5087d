create table products (id int, sku text, constraint products_sku_key unique (sku) include (id));
create table stock (product_sku text references products (sku));
