-- Production (loaded after ../common.sql): the first migrations applied
-- by hand some time ago, and changes made in the Dashboard since.
create table public.profiles (
  id uuid not null references auth.users on delete cascade primary key,
  updated_at timestamp with time zone,
  username text unique,
  full_name text,
  avatar_url text
);
alter table public.profiles enable row level security;
create policy "Public profiles are viewable by everyone." on public.profiles
  for select using (true);
create policy "Users can update own profile." on public.profiles
  for update using (auth.uid() = id);

create function public.handle_new_user() returns trigger language plpgsql security definer
  set search_path = public as $$
begin
  insert into public.profiles (id) values (new.id);
  return new;
end $$;
create trigger on_auth_user_created after insert on auth.users
  for each row execute procedure public.handle_new_user();

-- Made in the Dashboard, never in a migration.
create table public.legacy_notes (id int primary key, body text);
create policy "Avatar images are publicly accessible." on storage.objects
  for select using (bucket_id = 'avatar');
