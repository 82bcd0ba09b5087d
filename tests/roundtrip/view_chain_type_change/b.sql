create table orders (id bigint primary key, amount numeric(12,2), note text);
create view v1 as select id, amount, note from orders where amount > 0;
create view v2 as select id, amount * 2 as doubled, note from v1;
create view v3 as select count(*) as n, sum(doubled) as total from v2;
comment on view v3 is 'top of the chain';
comment on column v2.doubled is 'twice the amount';
