create table t (id int, v int);
create view tv with (security_barrier = true) as select id, v from t;
create function tv_ins() returns trigger language plpgsql as $$ begin insert into t values (new.id, new.v); return new; end $$;
create trigger tv_ins instead of insert on tv for each row execute function tv_ins();
comment on trigger tv_ins on tv is 'writes through';
