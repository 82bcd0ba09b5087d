create type status as enum ('draft', 'sent');
create table invoices (id int primary key, status status not null default 'draft');
