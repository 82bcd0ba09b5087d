-- FROM (production) of the HTML review test: what the page shows as "before".
create table customers (id int primary key, name text);
create table t (id int primary key, owner text, amount numeric);
create table orders (id int primary key, customer int, total int);
create function f(x int) returns int language plpgsql as $$
begin
  -- double it
  return x * 2;
end $$;
create view v as select id, amount from t where amount > 0;
alter table t enable row level security;
create policy own on t using (owner = current_user);
create table gone (id int primary key, t_id int references t);
create schema "Odd & <Schema>";
create table "Odd & <Schema>"."café ☕" (id int);
comment on table "Odd & <Schema>"."café ☕" is 'old';
