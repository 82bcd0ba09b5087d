-- What every Supabase project has, in both databases: roles, managed
-- schemas, the extensions schema and the default extensions, the realtime
-- publication, default privileges; of auth, storage and realtime what user
-- SQL refers to. Loaded before a.sql / b.sql and before the project's
-- files. Written apart from pgalign's stand-in (src/source/
-- supabase_platform.sql) on purpose: what differs between the two in
-- managed schemas must not show in a diff.
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
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pg_stat_statements with schema extensions;
create table auth.users (id uuid primary key, email text, created_at timestamptz default now(),
                         raw_app_meta_data jsonb, raw_user_meta_data jsonb);
create function auth.uid() returns uuid language sql stable as
  $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
create function auth.jwt() returns jsonb language sql stable as
  $$ select nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;
create table storage.buckets (id text primary key, name text, public boolean default false);
create table storage.objects (id uuid primary key, bucket_id text references storage.buckets, name text,
                              owner uuid);
alter table storage.objects enable row level security;
create function storage.foldername(name text) returns text[] language sql immutable as
  $$ select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1] $$;
create function storage.touch() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger objects_touch before update on storage.objects for each row execute function storage.touch();
create table realtime.subscription (id bigint primary key);
create table realtime.messages (id uuid primary key, topic text not null, extension text not null,
                                payload jsonb, private boolean default false);
alter table realtime.messages enable row level security;
create schema supabase_functions;
create function supabase_functions.http_request() returns trigger language plpgsql as
  $$ begin return new; end $$;
grant usage on schema auth to anon, authenticated, service_role, dashboard_user;
grant all on auth.users to supabase_auth_admin, dashboard_user;
create publication supabase_realtime;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
