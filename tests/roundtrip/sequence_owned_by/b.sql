create table orders (id int primary key, note text);
create sequence loose_seq;
create table lines (id int default nextval('loose_seq'), order_id int);
alter sequence loose_seq owned by lines.id;
