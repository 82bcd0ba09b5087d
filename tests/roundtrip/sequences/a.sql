create sequence seq_a;
create sequence seq_b as integer increment by 2 minvalue 10 maxvalue 1000 start 10 cache 5 cycle;
create sequence seq_gone;
