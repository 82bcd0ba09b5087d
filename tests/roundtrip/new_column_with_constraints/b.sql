create table orgs (id int primary key, code text not null default 'x', unique (code));
create table members (id int primary key, org_id int not null default 1 references orgs on delete restrict,
    org_code text references orgs (code), role text check (role in ('owner', 'member')));
create index members_org on members (org_id, role);
