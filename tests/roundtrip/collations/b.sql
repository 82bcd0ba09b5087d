create collation german (provider = libc, locale = 'C');
create collation "Case Insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
create table names (n text collate german, m text collate "Case Insensitive");
comment on collation german is 'plain';
