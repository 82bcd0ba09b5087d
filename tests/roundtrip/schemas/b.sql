create schema keep;
create schema "New Schema";
comment on schema "New Schema" is 'brand new';
create schema recommented;
comment on schema recommented is 'new words, it''s better';
comment on schema public is NULL;
