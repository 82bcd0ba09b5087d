create table people (
    id int not null,
    name text,
    email text constraint email_required not null,
    nick text,
    note text not null,
    age int
);
create table kids (extra int) inherits (people);
