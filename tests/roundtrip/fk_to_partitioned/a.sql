create table accounts (id int, region text, primary key (id, region)) partition by list (region);
create table accounts_eu partition of accounts for values in ('eu');
create table orders (id int primary key, account_id int, region text);
