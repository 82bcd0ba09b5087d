create function current_tenant() returns int language sql stable as $$ select current_setting('app.tenant', true)::int $$;
create table items (id int, tenant int, name text);
alter table items enable row level security;
create policy tenant_items on items using (tenant = current_tenant());
