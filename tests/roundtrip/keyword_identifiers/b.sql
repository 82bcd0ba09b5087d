-- Names that are keywords on some majors only (system_user is reserved
-- from 16, the SQL/JSON words from 16 and 17), and names that always need
-- quotes: pgalign's plan must quote them on every major.
create table public."system_user" (
    "json" jsonb,
    "json_table" text,
    "merge_action" integer,
    "json_object" text default 'x',
    "select" integer,
    "Mixed Case" text,
    "it's ""quoted""" text,
    "naïve" integer
);
comment on column public."system_user"."merge_action" is 'a keyword from 17';
create table public."json_scalar" ("system_user" text);
