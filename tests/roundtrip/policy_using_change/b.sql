create function current_tenant() returns int language sql stable as $$ select coalesce(current_setting('app.tenant', true)::int, 0) $$;
create table items (id int, tenant bigint, name text);
alter table items enable row level security;
create policy tenant_items on items using (tenant = current_tenant() or tenant is null);
