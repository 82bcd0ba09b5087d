-- TARGET (staging) of the HTML review test: a function body, a view, a
-- policy, a created and a dropped table with foreign keys, a rewritten
-- column, and names and text with markup characters and unicode.
create table customers (id int primary key, name text);
create table t (id int primary key, owner text, amount numeric);
create table orders (id int primary key, customer int references customers, total bigint);
create function f(x int) returns int language plpgsql as $$
begin
  -- triple it
  return x * 3;
end $$;
create view v as select id, amount, owner from t where amount > 0;
alter table t enable row level security;
create policy own on t using (owner = current_user or owner = '<&>"é''s');
create table "new <t>" (id int generated always as identity, t_id int references t, note text default '<none>');
create schema "Odd & <Schema>";
create table "Odd & <Schema>"."café ☕" (id int);
comment on table "Odd & <Schema>"."café ☕" is '</script><script>document.body.dataset.pwned = "yes"</script>';
