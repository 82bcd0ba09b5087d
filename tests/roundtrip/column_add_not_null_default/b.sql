create table accounts (
    id int primary key,
    name text not null default '',
    plan text not null default 'free',
    created_at timestamptz not null default now(),
    score int default 0 not null
);
