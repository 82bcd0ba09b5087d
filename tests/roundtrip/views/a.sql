create schema reporting;
create table users (id int primary key, name text, email text, active boolean);
create view reporting.active_users as select id, name from users where active;
create view reporting.gone as select id from users;
create view reporting.narrowing as select id, name, email from users;
create view reporting.secure with (security_barrier = true) as select id from users;
create view reporting.checked as select id, active from users where active with local check option;
comment on column reporting.narrowing.name is 'old comment';
comment on column reporting.narrowing.id is 'goes away';
