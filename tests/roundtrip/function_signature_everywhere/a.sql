create function norm(t text) returns text language sql immutable as $$ select lower(trim(t)) $$;
create function tenant() returns int language sql stable as $$ select 1 $$;
create function guard() returns trigger language plpgsql as $$ begin return new; end $$;
create table docs (
  id int primary key,
  title text check (norm(title) <> ''),
  slug text generated always as (norm(title)) stored,
  tenant_id int default tenant()
);
create index docs_norm on docs (norm(title));
create trigger docs_guard before insert on docs for each row when (norm(new.title) <> 'x') execute function guard();
alter table docs enable row level security;
create policy docs_tenant on docs using (tenant_id = tenant());
create view doc_titles as select id, norm(title) as t from docs;
create materialized view doc_count as select count(*) as n from doc_titles;
