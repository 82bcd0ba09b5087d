create table accounts (id int, region text, primary key (id, region)) partition by list (region);
create table accounts_eu partition of accounts for values in ('eu');
create table accounts_us partition of accounts for values in ('us');
create table orders (id int primary key, account_id int, region text, foreign key (account_id, region) references accounts);
create table order_lines (id int, order_id int, region text) partition by list (region);
create table order_lines_eu partition of order_lines for values in ('eu');
alter table order_lines add foreign key (order_id) references orders;
