create table orgs (id int primary key);
create table members (id int primary key);
