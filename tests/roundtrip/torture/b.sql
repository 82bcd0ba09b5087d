create schema "Sch""ema Ünï";
create schema "user";
create type "Sch""ema Ünï"."Ümlaut ""Enum""" as enum ('it''s', 'back\slash', 'ünï');
create sequence "user"."order";
create table "Sch""ema Ünï"."select" (
    "from" int primary key,
    "Mixed Case" varchar(30) not null default 'it''s',
    "sp ace" "Sch""ema Ünï"."Ümlaut ""Enum""" default 'it''s',
    "日本語" int default nextval('"user"."order"'),
    "where" text check ("where" <> 'x"y')
);
comment on column "Sch""ema Ünï"."select"."Mixed Case" is 'quote '' and "double"';
create table "tbl_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" int unique, "table" int);
create index "idx_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" on "tbl_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ("table");
create table "user"."group" ("check" int references "Sch""ema Ünï"."select" ("from"), "Group" text);
alter table "user"."group" add constraint "Con ""straint""" check ("check" > 0);
create index "Idx Name" on "user"."group" (lower("Group"));
