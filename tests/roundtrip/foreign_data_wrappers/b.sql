-- Wrappers that are not an extension's: made, changed and dropped.
-- postgres_fdw's functions serve as handler and validator of one.
create extension postgres_fdw;
create foreign data wrapper plain;
create foreign data wrapper kept_same options (debug 'true');
create foreign data wrapper changes_options options (a '2', "Mixed Case" 'x', added 'z');
create foreign data wrapper gets_validator validator postgresql_fdw_validator;
create foreign data wrapper loses_handler validator postgres_fdw_validator;
create foreign data wrapper only_in_b handler postgres_fdw_handler options (x 'it''s');
comment on foreign data wrapper plain is 'new comment';
create foreign data wrapper quoting options (path 'C:\dir2', note 'it''s');
