create schema s;
create type s.priority as enum ('high', 'medium', 'low');
create table s.tasks (id int, p s.priority not null);
