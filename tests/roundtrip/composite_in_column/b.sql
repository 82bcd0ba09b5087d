create type money_amount as (amount numeric, currency char(3), rate numeric);
create table invoices (id int primary key, total money_amount);
create view invoice_totals as select id, (total).amount from invoices;
