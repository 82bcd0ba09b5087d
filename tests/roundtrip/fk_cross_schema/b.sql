create schema billing;
create schema crm;
create table crm.customers (id int primary key);
create table billing.invoices (id int primary key, customer_id int not null references crm.customers);
create table crm.notes (id int primary key, invoice_id int references billing.invoices on delete cascade);
