-- An object of a kind pgalign does not model (alt.sql: the same object,
-- defined otherwise). Of the census's other kinds, security labels need
-- a label provider and cron jobs pg_cron (tests/supabase has those).
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p1 with (connect = false, slot_name = none, enabled = false);
