-- One object of each kind pgalign does not model (alt.sql: the same
-- objects, each defined otherwise).
create operator family census_fam using btree;
create operator class census_ops for type int using btree family census_fam as
    operator 1 <, function 1 btint4cmp(int, int);
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p1 with (connect = false, slot_name = none, enabled = false);
-- Left out: an operator family in a schema the Supabase profile manages.
create operator family auth.census_auth_fam using btree;
