-- kinds.sql's object defined otherwise (same kind and name), and one more.
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p2 with (connect = false, slot_name = none, enabled = false);
create subscription census_sub2 connection 'host=/nonexistent dbname=x'
    publication p1 with (connect = false, slot_name = none, enabled = false);
