create type color as enum ('red', 'green', 'blue');
create table paints (id int primary key, c color not null default 'red' check (c <> 'green'));
create index paints_blue on paints (id) where c = 'blue';
