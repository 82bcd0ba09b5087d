-- a.sql, each view column default changed (see there).
create table public.notes (id int primary key, body text, stamp timestamptz, n bigint);
create view public.v_notes as select id, body from public.notes;
alter view public.v_notes alter column body set default 'final';
create view public.v_stamped as select id, stamp from public.notes;
create view public.v_wide as select id, body from public.notes;
alter view public.v_wide alter column body set default 'wide';
-- a sequence the default uses, only here
create sequence public.note_ids;
create view public.v_counted as select id, n from public.notes;
alter view public.v_counted alter column n set default nextval('public.note_ids');
alter view public.v_counted alter column id set default 0;
