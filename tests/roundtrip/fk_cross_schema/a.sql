create schema billing;
create schema crm;
create table crm.customers (id int primary key);
