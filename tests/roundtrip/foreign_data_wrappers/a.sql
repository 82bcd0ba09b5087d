-- Wrappers that are not an extension's: made, changed and dropped.
-- postgres_fdw's functions serve as handler and validator of one.
create extension postgres_fdw;
create foreign data wrapper plain;
create foreign data wrapper kept_same options (debug 'true');
create foreign data wrapper changes_options options (a '1', "Mixed Case" 'x', gone 'y');
create foreign data wrapper gets_validator;
create foreign data wrapper loses_handler handler postgres_fdw_handler validator postgres_fdw_validator;
create foreign data wrapper only_in_a validator postgresql_fdw_validator;
comment on foreign data wrapper plain is 'old comment';
create foreign data wrapper quoting options (path 'C:\dir', note 'it''s');
