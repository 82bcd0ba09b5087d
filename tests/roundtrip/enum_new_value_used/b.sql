create type tier as enum ('free', 'pro', 'trial');
create table accounts (id int primary key, tier tier not null default 'trial');
create table trials (id int, tier tier default 'trial' check (tier <> 'pro'));
create index accounts_trial on accounts (id) where tier = 'trial';
