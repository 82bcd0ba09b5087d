create table docs (id int, body text compression pglz, blob bytea, meta jsonb, extra text);
alter table docs alter column body set storage main;
alter table docs alter column extra set storage external;
create table fresh (id int, big text compression pglz);
alter table fresh alter column big set storage external;
