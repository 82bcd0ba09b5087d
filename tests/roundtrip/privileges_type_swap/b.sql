do $$ begin create role anon; exception when duplicate_object or unique_violation then null; end $$;
create type mood as enum ('happy', 'sad');
revoke usage on type mood from public;
grant usage on type mood to anon;
create domain amount as bigint check (value >= 0);
revoke usage on domain amount from public;
create table entries (m mood, a amount);
