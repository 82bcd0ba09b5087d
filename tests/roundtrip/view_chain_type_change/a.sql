create table orders (id int primary key, amount numeric(10,2), note varchar(20));
create view v1 as select id, amount, note from orders where amount > 0;
create view v2 as select id, amount * 2 as doubled, note from v1;
create view v3 as select count(*) as n, sum(doubled) as total from v2;
comment on view v3 is 'top of the chain';
insert into orders values (1, 5, 'x');
comment on column v2.doubled is 'twice the amount';
