create table events (id int primary key, kind text, payload jsonb, at timestamptz, owner text);
create index events_kind on events (kind);
create index events_at on events (at desc);
create index old_index on events (owner);
