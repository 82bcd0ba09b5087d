create schema one;
create schema two;
create table one.same (id int primary key, v text);
create table two.same (id bigint primary key);
create table empty_cols (x int);
create sequence shared_seq;
create table s1 (a int default nextval('shared_seq'), b int);
create type color as enum ('red', 'green', 'blue');
create table arrays (c color[] default '{red,blue}', tags text[]);
create table parent (id int primary key, code int, unique (code));
create table child (pid int, code int, foreign key (pid) references parent on delete set null,
    check (code > 0) no inherit);
create index child_code on child (code desc nulls first, (pid::text) collate "C" text_pattern_ops) where code is not null;
