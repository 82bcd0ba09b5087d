create type money_amount as (amount numeric, currency char(3));
create table invoices (id int primary key, total money_amount);
insert into invoices values (1, row(10, 'EUR'));
create view invoice_totals as select id, (total).amount from invoices;
