-- PostgreSQL 17: the builtin provider, and ICU locales in colllocale.
create collation plain_c (provider = libc, locale = 'C');
create collation "Builtin C" (provider = builtin, locale = 'C');
create collation builtin_utf8 (provider = builtin, locale = 'C.UTF-8');
create collation und_icu (provider = icu, locale = 'und');
create table words (w text collate plain_c, b text collate "Builtin C", u text collate builtin_utf8, i text collate und_icu);
comment on collation builtin_utf8 is 'code point order, Unicode case mapping';
