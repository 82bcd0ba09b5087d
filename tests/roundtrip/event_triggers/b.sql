create function log_ddl() returns event_trigger language plpgsql as $$ begin raise notice 'ddl!'; end $$;
create event trigger ddl_log on ddl_command_end when tag in ('CREATE TABLE', 'ALTER TABLE') execute function log_ddl();
alter event trigger ddl_log disable;
create event trigger "No Drops" on sql_drop when tag in ('DROP TABLE') execute function log_ddl();
comment on event trigger "No Drops" is 'watch drops';
