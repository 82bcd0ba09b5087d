-- What every Supabase project has, in both databases: roles, managed
-- schemas, the extensions schema, the realtime publication, default
-- privileges. Loaded before a.sql / b.sql.
do $$
declare r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role', 'authenticator',
                           'dashboard_user', 'supabase_auth_admin', 'supabase_storage_admin'] loop
    begin execute format('create role %I', r); exception when duplicate_object or unique_violation then null; end;
  end loop;
  begin create role supabase_admin superuser; exception when duplicate_object or unique_violation then null; end;
end $$;
create schema auth;
create schema storage;
create schema realtime;
create schema extensions;
create extension if not exists pgcrypto with schema extensions;
create table auth.users (id uuid primary key, email text, created_at timestamptz default now());
create function auth.uid() returns uuid language sql stable as
  $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
create table storage.buckets (id text primary key, name text);
create table storage.objects (id uuid primary key, bucket_id text references storage.buckets);
create function storage.touch() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger objects_touch before update on storage.objects for each row execute function storage.touch();
create table realtime.subscription (id bigint primary key);
grant usage on schema auth to anon, authenticated, service_role, dashboard_user;
grant all on auth.users to supabase_auth_admin, dashboard_user;
create publication supabase_realtime;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
