create function log_ddl() returns event_trigger language plpgsql as $$ begin raise notice 'ddl'; end $$;
create event trigger ddl_log on ddl_command_end execute function log_ddl();
create event trigger "No Drops" on sql_drop when tag in ('DROP TABLE') execute function log_ddl();
