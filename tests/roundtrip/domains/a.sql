create schema types;
create domain types.email as text check (value ~ '@');
create domain positive_int as int default 1 constraint positive_int_check check (value > 0);
create domain "Code" as varchar(10) not null;
create domain old_domain as numeric(10, 2);
create table people (id positive_int, mail types.email);
comment on domain types.email is 'an address';
