create table profiles (id int primary key, bio text not null default 'n/a', website text, "Display Name" text);
comment on column profiles.website is 'homepage';
