create sequence new_ids start 1000;
create table things (id bigint default nextval('new_ids') primary key, n int);
