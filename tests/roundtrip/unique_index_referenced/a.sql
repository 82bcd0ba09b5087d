create table codes (code text not null);
create unique index codes_code on codes (code);
create table uses (code text references codes (code));
