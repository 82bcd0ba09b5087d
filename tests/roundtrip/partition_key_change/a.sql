create table log (id int, at date) partition by range (at);
create table log_1 partition of log for values from ('2020-01-01') to ('2021-01-01');
