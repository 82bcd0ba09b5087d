create sequence old_ids;
create table things (id bigint default nextval('old_ids') primary key, n int);
