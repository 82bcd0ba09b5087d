create table accounts (id int, email text, slug text);
create unique index accounts_email_key on accounts (email);
alter table accounts add constraint accounts_slug_key unique (slug);
create table logins (email text references accounts (email));
