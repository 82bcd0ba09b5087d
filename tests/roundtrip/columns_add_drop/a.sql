create table profiles (id int primary key, bio text, avatar text, legacy_flag boolean default false);
create index profiles_legacy on profiles (legacy_flag);
