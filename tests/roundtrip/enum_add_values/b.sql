create type status as enum ('new', 'draft', 'reviewed', 'sent', 'paid', 'void');
comment on type status is 'invoice lifecycle';
create table invoices (id int primary key, status status not null default 'draft');
