create type floatrange as range (subtype = float8, subtype_diff = float8mi);
create type textrange as range (subtype = text, collation = "POSIX");
create type "Int Range" as range (subtype = int4, multirange_type_name = int_multi);
create table slots (id int, r floatrange, t textrange);
