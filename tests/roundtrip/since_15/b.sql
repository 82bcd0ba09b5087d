-- PostgreSQL 15: NULLS NOT DISTINCT, security_invoker views, ON DELETE
-- SET NULL (columns), unlogged sequences, publication column lists, row
-- filters and schemas.
create schema feed;
create table accounts (id int primary key, email text, handle text, org int,
    constraint accounts_email_org unique nulls not distinct (email, org));
create unique index accounts_handle on accounts (handle) nulls not distinct;
create view account_emails with (security_invoker = true) as select id, email from accounts;
create table parent (id int primary key, code int);
create table child (pid int, code int, foreign key (pid) references parent on delete set null (pid));
create sequence seq_log;
create table messages (id int primary key, body text, room int);
create publication realtime;
alter publication realtime add table messages (id, body) where (room > 0);
create publication "Feed Pub" for tables in schema feed;
