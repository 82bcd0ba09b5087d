create table parents (id int primary key, code text unique);
create table children (
    id int primary key,
    parent_id int references parents on delete cascade on update restrict,
    parent_code text references parents (code) match full on delete set null deferrable initially deferred
);
create table pets (id int primary key, owner_id int);
alter table pets add constraint pets_owner foreign key (owner_id) references children (id) on delete set default not valid;
