create table accounts (id int, email text, slug text);
alter table accounts add constraint accounts_email_key unique (email);
create unique index accounts_slug_key on accounts (slug);
create table logins (email text references accounts (email));
