-- A publication of an inheritance parent holds its children too (each a
-- member in the catalog): added and dropped one by one, with ONLY.
create table parent (id int);
create table child (extra text) inherits (parent);
create table other (id int);
create publication pub for table parent, other;
