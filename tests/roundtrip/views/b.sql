create schema reporting;
create table users (id int primary key, name text, email text, active boolean);
create view reporting.active_users as select id, name, email from users where active and email is not null;
create view reporting.narrowing as select id, name from users;
create view reporting.secure with (security_invoker = true) as select id from users;
create view reporting.checked as select id, active from users where active with cascaded check option;
create view reporting."New View" as select u.id, a.name from users u join reporting.active_users a using (id);
comment on view reporting."New View" is 'joins a view';
