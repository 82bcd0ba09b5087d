-- Helpers kept out of the API, and what the API roles may use.
create schema private;

create function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false)
$$;

revoke execute on function private.is_admin() from public;
grant usage on schema private to authenticated;
grant execute on function private.is_admin() to authenticated;

create policy "Admins see every todo." on public.todos for
    select to authenticated using ((select private.is_admin()));

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid default auth.uid(),
  entry text not null
);
alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated;
