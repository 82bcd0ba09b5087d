create sequence seq_a as smallint maxvalue 30000;
create sequence seq_b as bigint increment by -1 minvalue -500 maxvalue 100 start 50 cache 1 no cycle;
create sequence "Seq New" start 100;
comment on sequence "Seq New" is 'fresh';
