-- A type that the plan swaps for a new one (an enum loses a label, a
-- domain gets another base type) starts with a new type's privileges:
-- PUBLIC's USAGE must be revoked again, and the grants given again.
do $$ begin create role anon; exception when duplicate_object or unique_violation then null; end $$;
create type mood as enum ('happy', 'sad', 'meh');
revoke usage on type mood from public;
grant usage on type mood to anon;
create domain amount as integer check (value >= 0);
revoke usage on domain amount from public;
create table entries (m mood, a amount);
