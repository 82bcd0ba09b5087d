-- Names that are keywords on some majors only (system_user is reserved
-- from 16, the SQL/JSON words from 16 and 17): pgalign's plan must quote
-- them on every major. Plain columns only: definitions the server renders
-- (indexes, checks, views) come quoted by that server's own rules.
create table public."system_user" ("json" jsonb);
