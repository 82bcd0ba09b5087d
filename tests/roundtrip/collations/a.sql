create collation german (provider = libc, locale = 'C');
create collation old_one (provider = libc, locale = 'POSIX');
create table names (n text collate german);
