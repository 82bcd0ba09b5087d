-- A view column's own default, and each change to it (b.sql).
create table public.notes (id int primary key, body text, stamp timestamptz, n bigint);
-- its default changes
create view public.v_notes as select id, body from public.notes;
alter view public.v_notes alter column body set default 'draft';
-- a default only here
create view public.v_stamped as select id, stamp from public.notes;
alter view public.v_stamped alter column stamp set default now();
-- the view is rebuilt (a column removed): its default comes back after
create view public.v_wide as select id, body, n from public.notes;
alter view public.v_wide alter column body set default 'wide';
-- a default that calls a function of its own (created before, dropped after)
create function public.next_n() returns bigint language sql as $$ select 1::bigint $$;
create view public.v_counted as select id, n from public.notes;
alter view public.v_counted alter column n set default public.next_n();
