create collation plain_c (provider = libc, locale = 'C');
create table words (w text collate plain_c);
