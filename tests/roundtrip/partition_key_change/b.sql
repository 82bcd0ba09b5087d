create table log (id int, at date) partition by list (id);
create table log_1 partition of log for values in (1);
