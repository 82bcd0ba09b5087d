-- kinds.sql's objects, each defined otherwise: same kind and name.
create operator family census_fam using btree;
create operator family census_fam2 using btree;
create operator class census_ops for type int using btree family census_fam2 as
    operator 1 <, function 1 btint4cmp(int, int);
create subscription census_sub connection 'host=/nonexistent dbname=x password=S3cretSub'
    publication p2 with (connect = false, slot_name = none, enabled = false);
create operator family auth.census_auth_fam using btree;
alter operator family auth.census_auth_fam using btree add function 1 (int, int) btint4cmp(int, int);
