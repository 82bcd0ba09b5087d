create schema "Sch""ema Ünï";
create table "Sch""ema Ünï"."select" ("from" int primary key, "Mixed Case" text);
create table "tbl_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" int);
