create type floatrange as range (subtype = float8, subtype_diff = float8mi);
create type textrange as range (subtype = text, collation = "C");
create table slots (id int, r floatrange);
