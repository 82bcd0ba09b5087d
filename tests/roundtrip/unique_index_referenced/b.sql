create table codes (code text not null);
create unique index codes_code on codes (code) with (fillfactor = 70);
create table uses (code text references codes (code));
