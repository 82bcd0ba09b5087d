create table docs (id int, body text, blob bytea, meta jsonb);
alter table docs alter column blob set storage external;
