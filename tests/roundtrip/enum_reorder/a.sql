create schema s;
create type s.priority as enum ('low', 'medium', 'high');
create table s.tasks (id int, p s.priority not null);
