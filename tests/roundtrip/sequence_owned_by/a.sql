create table orders (id serial primary key, note text);
create sequence loose_seq;
create table lines (id int default nextval('loose_seq'), order_id int);
