-- One object of each kind pgalign does not model (alt.sql: the same
-- objects, each defined otherwise).
create operator family census_fam using btree;
create operator class census_ops for type int using btree family census_fam as
    operator 1 <, function 1 btint4cmp(int, int);
create conversion census_conv for 'UTF8' to 'LATIN1' from my_conv;
create language census_lang handler my_handler;
create transform for mood language census_lang (from sql with function tf_from(internal));
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p1 with (connect = false, slot_name = none, enabled = false);
-- Left out: a conversion in a schema the Supabase profile manages.
create conversion auth.census_auth_conv for 'UTF8' to 'LATIN1' from my_conv;
