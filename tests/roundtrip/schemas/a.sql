create schema keep;
create schema gone;
comment on schema gone is 'will be dropped';
create schema recommented;
comment on schema recommented is 'old words';
