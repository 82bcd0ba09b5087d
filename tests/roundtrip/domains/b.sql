create schema types;
create domain types.email as text constraint email_has_at check (value ~ '@') constraint email_short check (length(value) < 200);
create domain positive_int as int default 2 constraint positive_int_check check (value > 0) not null;
create domain "Code" as varchar(10) collate "C" default 'x';
create domain new_domain as int[] check (cardinality(value) < 5);
create table people (id positive_int, mail types.email, code "Code", tags new_domain);
alter domain types.email add constraint email_lower check (value = lower(value)) not valid;
comment on domain types.email is 'an e-mail address';
comment on constraint email_short on domain types.email is 'keep it short';
