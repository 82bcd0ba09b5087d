create schema c;
create type c.e as enum ('x');
create sequence c.s;
create table c.t (id int primary key, v text);
create index c_t_v on c.t (v);
comment on table c.t is 'old';
comment on column c.t.v is 'old';
