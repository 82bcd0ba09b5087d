create table events (id int primary key, kind text, payload jsonb, at timestamptz, owner text);
create index events_kind on events (kind) include (at);
create index events_at on events (at desc nulls last);
create unique index events_owner_kind on events (owner, kind) where owner is not null;
create index events_lower_owner on events (lower(owner) text_pattern_ops);
create index events_payload on events using gin (payload jsonb_path_ops);
create index events_hash on events using hash (kind);
create index events_brin on events using brin (at) with (pages_per_range = 32);
comment on index events_kind is 'lookup by kind';
