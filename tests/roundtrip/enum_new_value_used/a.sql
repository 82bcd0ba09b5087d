create type tier as enum ('free', 'pro');
create table accounts (id int primary key, tier tier not null default 'free');
