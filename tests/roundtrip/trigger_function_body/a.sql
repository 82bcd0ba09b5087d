create table t (id int, v text, changed timestamptz);
create function t_touch() returns trigger language plpgsql as $$ begin new.changed := now(); return new; end $$;
create trigger t_touch before update on t for each row execute function t_touch();
create function t_other() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger t_other before insert on t for each row execute function t_other();
